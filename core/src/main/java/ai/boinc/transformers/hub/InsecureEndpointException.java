package ai.boinc.transformers.hub;

/** The SDK refused to send an access token over plain HTTP to a host other than loopback. */
public class InsecureEndpointException extends HubException {
  private static final long serialVersionUID = 1L;

  public InsecureEndpointException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public InsecureEndpointException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
