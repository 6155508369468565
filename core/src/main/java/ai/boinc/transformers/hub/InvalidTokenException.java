package ai.boinc.transformers.hub;

/** The hub rejected the access token itself: it is malformed, expired or revoked. The message names the source the token came from. */
public class InvalidTokenException extends HubException {
  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public InvalidTokenException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
