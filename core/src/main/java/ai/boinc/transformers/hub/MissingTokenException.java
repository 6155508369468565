package ai.boinc.transformers.hub;

/** The hub asked for authentication and no access token was found in any configured source. The message lists every source that was tried. */
public class MissingTokenException extends RepositoryNotFoundException {
  private static final long serialVersionUID = 1L;

  public MissingTokenException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public MissingTokenException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
