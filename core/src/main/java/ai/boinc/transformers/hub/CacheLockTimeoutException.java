package ai.boinc.transformers.hub;

import java.nio.file.Path;

/**
 * Another thread or process held the lock on a file of the cache for longer than the lock timeout
 * ({@link Hub.Builder#lockTimeout}). Usually another download of the same large file is still
 * running; if none is, the lock may be held by a hung process or an unreliable network file
 * system. Retryable.
 */
public class CacheLockTimeoutException extends CacheException {
  private static final long serialVersionUID = 1L;

  private final transient Path lockFile;

  public CacheLockTimeoutException(
      String message, String repoId, String filename, String revision, Path lockFile) {
    super(message, repoId, filename, revision);
    this.lockFile = lockFile;
  }

  /** The lock file that could not be acquired. */
  public Path lockFile() {
    return lockFile;
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
