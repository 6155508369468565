package ai.boinc.transformers.hub;

import java.nio.file.Path;

/**
 * A cached file failed a check (its size differs from the size recorded when it was downloaded,
 * or its content from its hash) and it could not be downloaded again, because the hub is not to be
 * asked (offline) or cannot be reached. The damaged file is named; {@code ba cache verify --repair}
 * or {@link Hub#verify} with repair replaces it once online.
 */
public class CorruptedCacheException extends CacheException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CorruptedCacheException(String message, String repoId, String filename, String revision, Path file) {
    super(message, repoId, filename, revision);
    this.file = file;
  }

  /** The damaged cached file (a snapshot pointer or a blob). */
  public Path file() {
    return file;
  }
}
