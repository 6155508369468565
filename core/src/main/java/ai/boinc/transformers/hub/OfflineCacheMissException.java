package ai.boinc.transformers.hub;

/** Offline mode is on and the requested file is not in the local cache. */
public class OfflineCacheMissException extends HubException {
  private static final long serialVersionUID = 1L;

  public OfflineCacheMissException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public OfflineCacheMissException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
