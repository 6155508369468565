package ai.boinc.transformers.hub;

/** The revision (branch, tag or commit) does not exist in the repository. */
public class RevisionNotFoundException extends HubException {
  private static final long serialVersionUID = 1L;

  public RevisionNotFoundException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public RevisionNotFoundException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
