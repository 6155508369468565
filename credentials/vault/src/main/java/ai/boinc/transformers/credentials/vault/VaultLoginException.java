package ai.boinc.transformers.credentials.vault;

/** Vault refused the login (AppRole or Kubernetes), or the credentials to log in with (a Vault token, secret id or JWT file) are missing or unreadable. */
public class VaultLoginException extends VaultException {
  private static final long serialVersionUID = 1L;

  public VaultLoginException(String source, String message, String address, int status) {
    super(source, message, address, status);
  }

  public VaultLoginException(String source, String message, String address, int status, Throwable cause) {
    super(source, message, address, status, cause);
  }
}
