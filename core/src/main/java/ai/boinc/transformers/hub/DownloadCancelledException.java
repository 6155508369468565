package ai.boinc.transformers.hub;

/**
 * The calling thread was interrupted during a download. Nothing partial was left in the cache,
 * the cache lock was released and the thread's interrupt flag is set again.
 */
public class DownloadCancelledException extends HubException {
  private static final long serialVersionUID = 1L;

  public DownloadCancelledException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
