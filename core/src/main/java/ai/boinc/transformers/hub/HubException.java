package ai.boinc.transformers.hub;

import ai.boinc.transformers.TransformersException;
import java.util.Optional;

/**
 * The root of every error the hub engine raises. Subclasses say what went wrong; the message
 * names the repository, file and revision involved and the next step. No message ever contains
 * an access token.
 */
public class HubException extends TransformersException {
  private static final long serialVersionUID = 1L;

  private final String repoId;
  private final String filename;
  private final String revision;

  public HubException(String message, String repoId, String filename, String revision) {
    this(message, repoId, filename, revision, null);
  }

  public HubException(
      String message, String repoId, String filename, String revision, Throwable cause) {
    super(message, cause);
    this.repoId = repoId;
    this.filename = filename;
    this.revision = revision;
  }

  /** The repository involved, if any. */
  public Optional<String> repoId() {
    return Optional.ofNullable(repoId);
  }

  /** The file involved, if any. */
  public Optional<String> filename() {
    return Optional.ofNullable(filename);
  }

  /** The revision involved, if any. */
  public Optional<String> revision() {
    return Optional.ofNullable(revision);
  }

  /** Whether the same call may succeed if tried again later, unchanged. */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
