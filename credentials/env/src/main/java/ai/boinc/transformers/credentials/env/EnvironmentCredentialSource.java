package ai.boinc.transformers.credentials.env;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the access token from an environment variable, {@code BA_ACCESS_TOKEN} by default. An
 * unset, empty or blank variable counts as absent.
 *
 * <p>The variable is read on every {@link #resolve()}, so a rotated value is seen without a
 * restart. Immutable and thread-safe.
 */
public final class EnvironmentCredentialSource implements CredentialSource {
  public static final String DEFAULT_VARIABLE = "BA_ACCESS_TOKEN";

  private final String variable;
  private final Map<String, String> environment;

  private EnvironmentCredentialSource(String variable, Map<String, String> environment) {
    this.variable = variable;
    this.environment = environment;
  }

  /** Reads {@code BA_ACCESS_TOKEN} from the process environment. */
  public static EnvironmentCredentialSource create() {
    return new EnvironmentCredentialSource(DEFAULT_VARIABLE, System.getenv());
  }

  /** Reads {@code variable} from the process environment. */
  public static EnvironmentCredentialSource of(String variable) {
    return of(variable, System.getenv());
  }

  /** Reads {@code variable} from {@code environment}, which stands for the process environment. */
  public static EnvironmentCredentialSource of(String variable, Map<String, String> environment) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(environment, "environment");
    if (variable.isBlank() || variable.indexOf('=') >= 0) {
      throw new IllegalArgumentException("not a valid environment variable name: '" + variable + "'");
    }
    return new EnvironmentCredentialSource(variable, environment);
  }

  @Override
  public Optional<AccessToken> resolve() {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AccessToken.of(value));
    } catch (IllegalArgumentException e) {
      // The message of AccessToken.of names only positions, never the value.
      throw new CredentialException(describe(), "The environment variable " + variable
          + " does not hold a valid access token: " + e.getMessage() + ". Set it to the token alone.");
    }
  }

  @Override
  public String describe() {
    return "environment variable " + variable;
  }

  @Override
  public String toString() {
    return "EnvironmentCredentialSource[" + variable + "]";
  }
}
