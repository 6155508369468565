package ai.boinc.transformers.hub;

/** The hub could not be reached (connection refused, DNS failure, timeout) and the file is not in the local cache. */
public class HubUnreachableException extends HubException {
  private static final long serialVersionUID = 1L;

  public HubUnreachableException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public HubUnreachableException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
