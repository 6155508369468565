package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.credentials.vault.internal.AppRoleLogin;
import ai.boinc.transformers.credentials.vault.internal.KubernetesLogin;
import ai.boinc.transformers.credentials.vault.internal.LoginMethod;
import ai.boinc.transformers.credentials.vault.internal.SecretFiles;
import ai.boinc.transformers.credentials.vault.internal.StaticTokenLogin;
import ai.boinc.transformers.credentials.vault.internal.TokenFileLogin;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link VaultCredentialSource} authenticates to Vault: with a Vault token (given, or read
 * from a file such as {@code ~/.vault-token}), or by AppRole or Kubernetes login at a configurable
 * auth mount. Immutable and thread-safe; {@link #toString()} names the method, never a secret.
 *
 * <pre>{@code
 * VaultAuth.appRole(roleId, secretId).atMount("approle-ci")
 * VaultAuth.kubernetes("hub-reader")   // JWT from /var/run/secrets/kubernetes.io/serviceaccount/token
 * }</pre>
 */
public final class VaultAuth {
  private final LoginMethod method;

  private VaultAuth(LoginMethod method) {
    this.method = method;
  }

  /**
   * A Vault token given as a value. Its TTL is looked up on first use and it is renewed while
   * renewable; it cannot be replaced when Vault refuses it.
   */
  public static VaultAuth token(String token) {
    return token(token, "code");
  }

  /** A Vault token given as a value, described as coming from {@code origin} (e.g. "VAULT_TOKEN"). */
  static VaultAuth token(String token, String origin) {
    String value = requireText(token, "token");
    if (!SecretFiles.isHeaderSafe(value)) {
      // the value itself is not quoted: it is a secret
      throw new IllegalArgumentException("the Vault token from " + origin
          + " contains whitespace or control characters");
    }
    return new VaultAuth(new StaticTokenLogin(value, origin));
  }

  /**
   * A Vault token read from {@code file}: {@code ~/.vault-token} (written by {@code vault login})
   * or a Vault Agent sink. The file is read again when Vault refuses the token or it expires.
   */
  public static VaultAuth tokenFile(Path file) {
    return new VaultAuth(new TokenFileLogin(Objects.requireNonNull(file, "file")));
  }

  /** AppRole login at {@code auth/approle} with a secret id given as a value. */
  public static VaultAuth appRole(String roleId, String secretId) {
    return new VaultAuth(new AppRoleLogin("approle", requireText(roleId, "roleId"),
        requireText(secretId, "secretId"), null));
  }

  /** AppRole login at {@code auth/approle} with the secret id read from a file at every login. */
  public static VaultAuth appRoleWithSecretIdFile(String roleId, Path secretIdFile) {
    return new VaultAuth(new AppRoleLogin("approle", requireText(roleId, "roleId"), null,
        Objects.requireNonNull(secretIdFile, "secretIdFile")));
  }

  /** Kubernetes login at {@code auth/kubernetes} with the pod's service account token. */
  public static VaultAuth kubernetes(String role) {
    return kubernetes(role, KubernetesLogin.DEFAULT_JWT);
  }

  /** Kubernetes login at {@code auth/kubernetes} with the JWT read from {@code jwtFile} at every login. */
  public static VaultAuth kubernetes(String role, Path jwtFile) {
    return new VaultAuth(new KubernetesLogin("kubernetes", requireText(role, "role"),
        Objects.requireNonNull(jwtFile, "jwtFile")));
  }

  /**
   * The same login at {@code auth/<mount>} instead of the default mount.
   *
   * @throws IllegalStateException for token authentication, which has no login mount
   */
  public VaultAuth atMount(String mount) {
    String path = VaultCredentialSource.trimSlashes(requireText(mount, "mount"));
    if (method instanceof AppRoleLogin) {
      return new VaultAuth(((AppRoleLogin) method).withMount(path));
    }
    if (method instanceof KubernetesLogin) {
      return new VaultAuth(((KubernetesLogin) method).withMount(path));
    }
    throw new IllegalStateException("token authentication has no login mount");
  }

  /** E.g. "AppRole login at auth/approle". */
  public String describe() {
    return method.describe();
  }

  LoginMethod method() {
    return method;
  }

  @Override
  public String toString() {
    return "VaultAuth[" + describe() + "]";
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value.strip();
  }
}
