package ai.boinc.transformers.credentials;

import ai.boinc.transformers.TransformersException;

/**
 * A credential source is configured but cannot deliver its token: an unreadable token file, a
 * sealed or unreachable Vault, a rejected login. The message names the source and the fix; it
 * never contains a secret.
 */
public class CredentialException extends TransformersException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public CredentialException(String source, String message) {
    super(message);
    this.source = source;
  }

  public CredentialException(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The {@link CredentialSource#describe() description} of the failing source. */
  public String source() {
    return source;
  }
}
