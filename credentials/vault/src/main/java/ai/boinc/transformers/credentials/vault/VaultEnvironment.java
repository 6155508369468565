package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.vault.internal.InactiveSource;
import ai.boinc.transformers.credentials.vault.internal.KubernetesLogin;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Reads the Vault settings documented on {@link VaultCredentialSourceProvider} from an environment. */
final class VaultEnvironment {
  static final String SECRET_PATH = "BA_VAULT_SECRET_PATH";
  static final String HOW_TO = "set " + SECRET_PATH + " to the secret's path, and VAULT_ADDR and a Vault"
      + " login (VAULT_TOKEN, BA_VAULT_ROLE_ID or BA_VAULT_K8S_ROLE), to read the token from Vault";

  private VaultEnvironment() {}

  static boolean isConfigured(Map<String, String> env) {
    return get(env, SECRET_PATH) != null;
  }

  /**
   * Some of the SDK's own Vault settings are there but not the secret's path: the user meant to use
   * Vault, so "no token" messages carry the recipe. VAULT_ADDR or VAULT_TOKEN alone do not count:
   * the vault command line reads them too.
   */
  static boolean isPartlyConfigured(Map<String, String> env) {
    return !isConfigured(env) && env.entrySet().stream()
        .anyMatch(e -> e.getKey().startsWith("BA_VAULT_") && e.getValue() != null && !e.getValue().isBlank());
  }

  /** The source standing for Vault when the secret's path is not set: the recipe only when partly configured. */
  static CredentialSource unconfigured(Map<String, String> env) {
    return isPartlyConfigured(env) ? InactiveSource.notConfigured(HOW_TO) : InactiveSource.notConfigured();
  }

  static CredentialSource source(Map<String, String> env, FileFetcher fetcher, Path home, Clock clock) {
    if (!isConfigured(env)) {
      return unconfigured(env);
    }
    try {
      VaultCredentialSource.Builder builder = VaultCredentialSource.builder()
          .fileFetcher(fetcher)
          .clock(clock)
          .address(orDefault(env, "VAULT_ADDR", "https://127.0.0.1:8200"))
          .namespace(orDefault(env, "VAULT_NAMESPACE", ""))
          .mount(orDefault(env, "BA_VAULT_MOUNT", "secret"))
          .path(get(env, SECRET_PATH))
          .field(orDefault(env, "BA_VAULT_FIELD", "token"))
          .kvVersion(integer(env, "BA_VAULT_KV_VERSION", 2))
          .maxAge(Duration.ofSeconds(integer(env, "BA_VAULT_MAX_AGE", 300)))
          .timeout(Duration.ofSeconds(integer(env, "VAULT_CLIENT_TIMEOUT", 30)))
          .retryPolicy(retries(env))
          .auth(auth(env, home));
      if (get(env, "BA_VAULT_SECRET_VERSION") != null) {
        builder.secretVersion(integer(env, "BA_VAULT_SECRET_VERSION", 0));
      }
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Messages name settings and values of non-secret variables only.
      return InactiveSource.misconfigured("Vault is configured (" + SECRET_PATH + " is set) but its settings"
          + " are invalid: " + e.getMessage() + ". Fix the BA_VAULT_*/VAULT_* environment variables.");
    }
  }

  private static VaultAuth auth(Map<String, String> env, Path home) {
    String method = get(env, "BA_VAULT_AUTH");
    if (method == null) {
      method = get(env, "BA_VAULT_ROLE_ID") != null ? "approle"
          : get(env, "BA_VAULT_K8S_ROLE") != null ? "kubernetes" : "token";
    }
    String mount = get(env, "BA_VAULT_AUTH_MOUNT");
    VaultAuth auth;
    switch (method.toLowerCase(Locale.ROOT)) {
      case "token":
        String token = get(env, "VAULT_TOKEN");
        if (mount != null) {
          throw new IllegalArgumentException("BA_VAULT_AUTH_MOUNT applies to approle and kubernetes, not token");
        }
        return token != null ? VaultAuth.token(token, "VAULT_TOKEN") : VaultAuth.tokenFile(home.resolve(".vault-token"));
      case "approle":
        String roleId = require(env, "BA_VAULT_ROLE_ID", "AppRole login");
        String secretId = get(env, "BA_VAULT_SECRET_ID");
        String secretIdFile = get(env, "BA_VAULT_SECRET_ID_FILE");
        if (secretId == null && secretIdFile == null) {
          throw new IllegalArgumentException("AppRole login needs BA_VAULT_SECRET_ID or BA_VAULT_SECRET_ID_FILE");
        }
        auth = secretId != null ? VaultAuth.appRole(roleId, secretId)
            : VaultAuth.appRoleWithSecretIdFile(roleId, Path.of(secretIdFile));
        break;
      case "kubernetes":
        String role = require(env, "BA_VAULT_K8S_ROLE", "Kubernetes login");
        String jwt = get(env, "BA_VAULT_K8S_JWT_PATH");
        auth = VaultAuth.kubernetes(role, jwt == null ? KubernetesLogin.DEFAULT_JWT : Path.of(jwt));
        break;
      default:
        throw new IllegalArgumentException("BA_VAULT_AUTH must be token, approle or kubernetes, not '" + method + "'");
    }
    return mount == null ? auth : auth.atMount(mount);
  }

  private static String get(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String orDefault(Map<String, String> env, String name, String fallback) {
    String value = get(env, name);
    return value == null ? fallback : value;
  }

  private static String require(Map<String, String> env, String name, String what) {
    String value = get(env, name);
    if (value == null) {
      throw new IllegalArgumentException(what + " needs " + name);
    }
    return value;
  }

  /** VAULT_MAX_RETRIES (default 2), as Vault's own client reads it. */
  private static RetryPolicy retries(Map<String, String> env) {
    int retries = integer(env, "VAULT_MAX_RETRIES", 2);
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("VAULT_MAX_RETRIES must be between 0 and 20, not " + retries);
    }
    return VaultCredentialSource.DEFAULT_RETRIES.toBuilder().maxAttempts(retries + 1).build();
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = get(env, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }
}
