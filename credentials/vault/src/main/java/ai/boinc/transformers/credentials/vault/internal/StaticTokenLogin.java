package ai.boinc.transformers.credentials.vault.internal;

import java.time.Instant;

/** A Vault token given as a value (e.g. {@code VAULT_TOKEN}). */
public final class StaticTokenLogin implements LoginMethod {
  private final String token;
  private final String origin;

  /** @param origin where the token came from, e.g. "VAULT_TOKEN" or "code" */
  public StaticTokenLogin(String token, String origin) {
    this.token = token;
    this.origin = origin;
  }

  @Override
  public String describe() {
    return "Vault token from " + origin;
  }

  @Override
  public boolean canObtainAgain() {
    return false;
  }

  @Override
  public SessionToken obtain(VaultEndpoint endpoint, Instant now) {
    endpoint.redactor().remember(token);
    return SessionToken.given(token, now);
  }

  @Override
  public String toString() {
    return describe();
  }
}
