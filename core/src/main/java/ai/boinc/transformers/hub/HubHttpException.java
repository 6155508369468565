package ai.boinc.transformers.hub;

/**
 * The hub answered with an HTTP error that has no more specific type, e.g. a 5xx that outlasted
 * the retries or a 403 for a token without the needed permission.
 */
public class HubHttpException extends HubException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public HubHttpException(
      String message, String repoId, String filename, String revision, int status) {
    super(message, repoId, filename, revision);
    this.status = status;
  }

  public int status() {
    return status;
  }

  @Override
  public boolean isRetryable() {
    return status == 408 || status == 429 || status >= 500;
  }
}
