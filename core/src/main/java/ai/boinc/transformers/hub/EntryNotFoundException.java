package ai.boinc.transformers.hub;

/** The file does not exist in the repository at the requested revision. */
public class EntryNotFoundException extends HubException {
  private static final long serialVersionUID = 1L;

  public EntryNotFoundException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public EntryNotFoundException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
