package ai.boinc.transformers.hub;

/** The local cache could not be read or written: a permission problem, a full disk, or a read-only file system. */
public class CacheException extends HubException {
  private static final long serialVersionUID = 1L;

  public CacheException(String message, String repoId, String filename, String revision) {
    super(message, repoId, filename, revision);
  }

  public CacheException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, repoId, filename, revision, cause);
  }
}
