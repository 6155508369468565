package ai.boinc.transformers.credentials.vault;

/**
 * Vault could not answer: it is sealed (503), failing (other 5xx, 429 standby, 412 not yet
 * consistent) or unreachable (connection refused, timeout). Retrying later may help.
 */
public class VaultUnavailableException extends VaultException {
  private static final long serialVersionUID = 1L;

  public VaultUnavailableException(String source, String message, String address, int status) {
    super(source, message, address, status);
  }

  public VaultUnavailableException(String source, String message, String address, int status, Throwable cause) {
    super(source, message, address, status, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
