package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.credentials.CredentialException;
import java.util.OptionalInt;

/**
 * The Vault credential source is configured but could not deliver the token. Subclasses say why;
 * every message names the Vault address (and namespace, mount, path and field where they apply)
 * and what to do, and never contains a secret: no hub token, Vault token, secret id or JWT.
 */
public class VaultException extends CredentialException {
  private static final long serialVersionUID = 1L;

  private final String address;
  private final int status;

  /**
   * @param source the {@link ai.boinc.transformers.credentials.CredentialSource#describe()} of the
   *     failing source
   * @param address the Vault address
   * @param status the HTTP status Vault answered, or 0 when there was no answer
   */
  public VaultException(String source, String message, String address, int status) {
    super(source, message);
    this.address = address;
    this.status = status;
  }

  public VaultException(String source, String message, String address, int status, Throwable cause) {
    super(source, message, cause);
    this.address = address;
    this.status = status;
  }

  /** The Vault address, e.g. {@code https://vault.example.com:8200}. */
  public String address() {
    return address;
  }

  /** The HTTP status Vault answered; empty when no answer arrived. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Whether asking again later may succeed without changing anything (a sealed Vault, a 5xx). */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
