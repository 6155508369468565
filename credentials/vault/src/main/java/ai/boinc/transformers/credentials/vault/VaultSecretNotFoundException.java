package ai.boinc.transformers.credentials.vault;

/** The secret does not exist (HTTP 404, also answered when the token may not see the path), its version was deleted or destroyed, or it lacks the configured field. */
public class VaultSecretNotFoundException extends VaultException {
  private static final long serialVersionUID = 1L;

  public VaultSecretNotFoundException(String source, String message, String address, int status) {
    super(source, message, address, status);
  }

  public VaultSecretNotFoundException(String source, String message, String address, int status, Throwable cause) {
    super(source, message, address, status, cause);
  }
}
