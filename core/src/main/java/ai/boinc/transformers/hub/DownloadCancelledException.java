package ai.boinc.transformers.hub;

/**
 * The calling thread was interrupted during a download. The bytes that arrived stay in the
 * blob's partial file ({@code blobs/<etag>.incomplete}) and the next download of the file resumes
 * there; the cache lock was released and the thread's interrupt flag is set again.
 */
public class DownloadCancelledException extends HubException {
  private static final long serialVersionUID = 1L;

  private final long bytesKept;
  private final long bytesTotal;

  public DownloadCancelledException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    this(message, repoId, filename, revision, cause, 0, -1);
  }

  /** With the bytes kept for a resume and the file's size ({@code -1} when unknown). */
  public DownloadCancelledException(
      String message, String repoId, String filename, String revision, Throwable cause, long bytesKept,
      long bytesTotal) {
    super(message, repoId, filename, revision, cause);
    this.bytesKept = bytesKept;
    this.bytesTotal = bytesTotal;
  }

  /** Bytes of the file kept in the cache for the next download to resume from. */
  public long bytesKept() {
    return bytesKept;
  }

  /** The file's size, or {@code -1} when the hub did not announce it. */
  public long bytesTotal() {
    return bytesTotal;
  }
}
