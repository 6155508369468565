package ai.boinc.transformers.hub;

/** The repository does not exist, or it is private and the request's credentials cannot see it (the hub answers both the same way, so as not to reveal private repositories). */
public class RepositoryNotFoundException extends HubException {
  private static final long serialVersionUID = 1L;

  public RepositoryNotFoundException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public RepositoryNotFoundException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
