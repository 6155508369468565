package ai.boinc.transformers.credentials.vault;

/** Vault refused the request (HTTP 403 or 401): the Vault token is expired, revoked or its policy does not allow reading the secret. */
public class VaultPermissionDeniedException extends VaultException {
  private static final long serialVersionUID = 1L;

  public VaultPermissionDeniedException(String source, String message, String address, int status) {
    super(source, message, address, status);
  }

  public VaultPermissionDeniedException(String source, String message, String address, int status, Throwable cause) {
    super(source, message, address, status, cause);
  }
}
