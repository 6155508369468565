package ai.boinc.transformers.credentials.vault;

/** Vault's answer could not be understood: not JSON, JSON of an unexpected shape, a missing {@code data} or {@code auth} block, an unexpected status or redirect. */
public class VaultResponseException extends VaultException {
  private static final long serialVersionUID = 1L;

  public VaultResponseException(String source, String message, String address, int status) {
    super(source, message, address, status);
  }

  public VaultResponseException(String source, String message, String address, int status, Throwable cause) {
    super(source, message, address, status, cause);
  }
}
