package ai.boinc.transformers.credentials.vault.internal;

import java.time.Instant;

/** How the source gets a Vault token: as given, from a file, or by logging in. Thread-safe. */
public interface LoginMethod {

  /** "AppRole login at auth/approle", "Vault token from file ~/.vault-token". Never a secret. */
  String describe();

  /**
   * Whether asking again can give a different token: true for logins and token files, false for
   * a token given as a value.
   */
  boolean canObtainAgain();

  /** Obtains a token; throws a typed Vault exception when it cannot. */
  SessionToken obtain(VaultEndpoint endpoint, Instant now);
}
