package ai.boinc.transformers.credentials;

import java.util.Optional;

/**
 * Where an access token comes from: an environment variable, a file, a secret store.
 *
 * <p>{@link #resolve()} returns empty when this source is simply not configured (the variable is
 * unset, the file does not exist). A source that is configured but broken — an unreadable file, a
 * sealed Vault — throws {@link CredentialException} instead, so a chain never silently skips it.
 *
 * <p>Implementations must be thread-safe; {@code resolve()} may be called for every request.
 */
public interface CredentialSource {

  /** The token this source holds, or empty when it is not configured. */
  Optional<AccessToken> resolve();

  /**
   * Where this source looks, for error messages, e.g. {@code "environment variable
   * BA_ACCESS_TOKEN"}. Never contains a secret.
   */
  String describe();

  /**
   * The token together with the source that held it; a chain names its inner source, so that an
   * "invalid token" error can say where the bad token came from.
   */
  default Optional<ResolvedToken> resolveWithSource() {
    return resolve().map(token -> new ResolvedToken(token, describe()));
  }

  /** A source that always answers {@code token}, described as given in code. */
  static CredentialSource of(AccessToken token) {
    return of(token, "token given in code");
  }

  /**
   * A source that always answers {@code token}, described by {@code description} (where the token
   * came from, e.g. {@code "the --token option"}; never the token).
   */
  static CredentialSource of(AccessToken token, String description) {
    java.util.Objects.requireNonNull(token, "token");
    java.util.Objects.requireNonNull(description, "description");
    return new CredentialSource() {
      @Override
      public Optional<AccessToken> resolve() {
        return Optional.of(token);
      }

      @Override
      public String describe() {
        return description;
      }

      @Override
      public String toString() {
        return describe();
      }
    };
  }

  /** A source that never has a token, for public repositories. */
  static CredentialSource none() {
    return new CredentialSource() {
      @Override
      public Optional<AccessToken> resolve() {
        return Optional.empty();
      }

      @Override
      public String describe() {
        return "no credentials (anonymous access)";
      }

      @Override
      public String toString() {
        return describe();
      }
    };
  }
}
