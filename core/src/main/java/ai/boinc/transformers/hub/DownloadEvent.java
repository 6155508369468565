package ai.boinc.transformers.hub;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@link DownloadListener} is told about one file: which file, how many bytes of it are
 * done and how many there are in all (when known). Immutable.
 */
public final class DownloadEvent {
  private final RepoType repoType;
  private final String repoId;
  private final String filename;
  private final String revision;
  private final long bytesDone;
  private final long totalBytes;
  private final boolean cached;

  /**
   * @param totalBytes the file's size, or -1 when unknown
   * @param cached whether the file was served from the cache without a download
   */
  public DownloadEvent(
      RepoType repoType, String repoId, String filename, String revision, long bytesDone, long totalBytes,
      boolean cached) {
    this.repoType = Objects.requireNonNull(repoType, "repoType");
    this.repoId = Objects.requireNonNull(repoId, "repoId");
    this.filename = Objects.requireNonNull(filename, "filename");
    this.revision = Objects.requireNonNull(revision, "revision");
    this.bytesDone = bytesDone;
    this.totalBytes = totalBytes;
    this.cached = cached;
  }

  public RepoType repoType() {
    return repoType;
  }

  public String repoId() {
    return repoId;
  }

  /** The file's path in the repository. */
  public String filename() {
    return filename;
  }

  /** The revision asked for (a snapshot's files are fetched at its commit). */
  public String revision() {
    return revision;
  }

  /** Bytes written so far (restarts at 0 if the server ignored a resume request). */
  public long bytesDone() {
    return bytesDone;
  }

  /** The file's size, when the hub announced it. */
  public OptionalLong totalBytes() {
    return totalBytes < 0 ? OptionalLong.empty() : OptionalLong.of(totalBytes);
  }

  /** Whether the file came from the cache, with no bytes transferred. */
  public boolean cached() {
    return cached;
  }

  /** This event with {@code done} bytes done. */
  public DownloadEvent withBytesDone(long done) {
    return new DownloadEvent(repoType, repoId, filename, revision, done, totalBytes, cached);
  }

  @Override
  public String toString() {
    return "DownloadEvent{" + repoType.plural() + "/" + repoId + " " + filename + "@" + revision + " " + bytesDone
        + "/" + (totalBytes < 0 ? "?" : Long.toString(totalBytes)) + (cached ? " cached" : "") + "}";
  }
}
