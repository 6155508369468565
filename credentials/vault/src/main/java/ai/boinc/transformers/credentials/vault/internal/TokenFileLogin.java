package ai.boinc.transformers.credentials.vault.internal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A Vault token read from a file: {@code ~/.vault-token} (what {@code vault login} writes) or a
 * Vault Agent sink. The file is read again whenever a new token is needed, so a rotated token is
 * picked up.
 */
public final class TokenFileLogin implements LoginMethod {
  private final Path file;

  public TokenFileLogin(Path file) {
    this.file = file;
  }

  @Override
  public String describe() {
    return "Vault token from file " + file;
  }

  @Override
  public boolean canObtainAgain() {
    return true;
  }

  @Override
  public SessionToken obtain(VaultEndpoint endpoint, Instant now) {
    String token = SecretFiles.read(endpoint, file, "the Vault token",
        "Run 'vault login', set VAULT_TOKEN, or configure AppRole or Kubernetes login (BA_VAULT_AUTH).");
    endpoint.redactor().remember(token);
    return SessionToken.given(token, now);
  }

  @Override
  public String toString() {
    return describe();
  }
}
