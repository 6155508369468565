package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import java.util.Optional;

/**
 * What the Vault provider returns when the environment does not configure Vault (resolve is
 * empty; describe says how to configure it) or configures it wrongly (resolve throws, so a chain
 * does not silently skip a Vault the user meant to use). Immutable.
 */
public final class InactiveSource implements CredentialSource {
  private final String description;
  private final String problem; // null: simply not configured

  private InactiveSource(String description, String problem) {
    this.description = description;
    this.problem = problem;
  }

  /** Nothing of Vault in the environment: one short line, no recipe. */
  public static InactiveSource notConfigured() {
    return new InactiveSource("HashiCorp Vault (not configured)", null);
  }

  public static InactiveSource notConfigured(String howTo) {
    return new InactiveSource("HashiCorp Vault (not configured: " + howTo + ")", null);
  }

  public static InactiveSource misconfigured(String problem) {
    return new InactiveSource("HashiCorp Vault (misconfigured)", problem);
  }

  @Override
  public Optional<AccessToken> resolve() {
    if (problem != null) {
      throw new CredentialException(description, problem);
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "VaultCredentialSource[" + description + "]";
  }
}
