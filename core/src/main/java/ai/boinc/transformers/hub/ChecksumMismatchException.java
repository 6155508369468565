package ai.boinc.transformers.hub;

/** A downloaded file did not match the size or SHA-256 checksum the hub announced; nothing was stored. */
public class ChecksumMismatchException extends HubException {
  private static final long serialVersionUID = 1L;

  public ChecksumMismatchException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public ChecksumMismatchException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
