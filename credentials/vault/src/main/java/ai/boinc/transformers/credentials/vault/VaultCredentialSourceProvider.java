package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import ai.boinc.transformers.credentials.vault.internal.InactiveSource;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetchers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts Vault third in the default credential chain (order 300), after the environment variable
 * and the token file: local sources before network ones. It is active only when {@code
 * BA_VAULT_SECRET_PATH} is set; otherwise its source is empty and describes how to configure it.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code BA_VAULT_SECRET_PATH}</td><td>the secret's path inside the mount; turns Vault on</td><td>—</td></tr>
 *   <tr><td>{@code VAULT_ADDR}</td><td>Vault's address</td><td>{@code https://127.0.0.1:8200} (as the Vault CLI)</td></tr>
 *   <tr><td>{@code VAULT_NAMESPACE}</td><td>Vault Enterprise namespace</td><td>none</td></tr>
 *   <tr><td>{@code BA_VAULT_MOUNT}</td><td>KV engine mount</td><td>{@code secret}</td></tr>
 *   <tr><td>{@code BA_VAULT_KV_VERSION}</td><td>{@code 1} or {@code 2}</td><td>{@code 2}</td></tr>
 *   <tr><td>{@code BA_VAULT_FIELD}</td><td>field holding the hub token</td><td>{@code token}</td></tr>
 *   <tr><td>{@code BA_VAULT_SECRET_VERSION}</td><td>KV v2 version to read</td><td>latest</td></tr>
 *   <tr><td>{@code BA_VAULT_MAX_AGE}</td><td>longest caching, seconds</td><td>300</td></tr>
 *   <tr><td>{@code VAULT_CLIENT_TIMEOUT}</td><td>per-request timeout, seconds</td><td>30</td></tr>
 *   <tr><td>{@code BA_VAULT_AUTH}</td><td>{@code token}, {@code approle} or {@code kubernetes}</td>
 *       <td>{@code approle} if {@code BA_VAULT_ROLE_ID} is set, else {@code kubernetes} if
 *       {@code BA_VAULT_K8S_ROLE} is set, else {@code token}</td></tr>
 *   <tr><td>{@code BA_VAULT_AUTH_MOUNT}</td><td>auth mount of AppRole/Kubernetes</td><td>{@code approle} / {@code kubernetes}</td></tr>
 *   <tr><td>{@code VAULT_TOKEN}</td><td>token auth: the Vault token</td><td>else the file {@code ~/.vault-token}</td></tr>
 *   <tr><td>{@code BA_VAULT_ROLE_ID}</td><td>AppRole role id</td><td>—</td></tr>
 *   <tr><td>{@code BA_VAULT_SECRET_ID} / {@code BA_VAULT_SECRET_ID_FILE}</td><td>AppRole secret id, or a file holding it</td><td>—</td></tr>
 *   <tr><td>{@code BA_VAULT_K8S_ROLE}</td><td>Kubernetes auth role</td><td>—</td></tr>
 *   <tr><td>{@code BA_VAULT_K8S_JWT_PATH}</td><td>service account token file</td>
 *       <td>{@code /var/run/secrets/kubernetes.io/serviceaccount/token}</td></tr>
 * </table>
 *
 * <p>The transport is the {@link ai.boinc.transformers.fetch.FileFetcherProvider} with the lowest
 * order on the class path (e.g. {@code transformers-transport-jdk}). A variable with an invalid
 * value, or no transport, gives a source whose {@code resolve()} throws a {@link
 * ai.boinc.transformers.credentials.CredentialException} that names the problem.
 */
public final class VaultCredentialSourceProvider implements CredentialSourceProvider {
  @Override
  public String id() {
    return "vault";
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public CredentialSource create(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    if (!VaultEnvironment.isConfigured(environment)) {
      return VaultEnvironment.unconfigured(environment);
    }
    FileFetcher fetcher;
    try {
      fetcher = FileFetchers.discover(null, VaultCredentialSourceProvider.class.getClassLoader());
    } catch (IllegalStateException e) {
      return InactiveSource.misconfigured("Vault is configured (BA_VAULT_SECRET_PATH is set) but: " + e.getMessage());
    }
    return fromEnvironment(environment, fetcher);
  }

  /**
   * The Vault source configured by {@code environment} (see the class documentation), talking
   * through {@code fetcher}: empty when Vault is not configured, throwing when misconfigured.
   */
  public static CredentialSource fromEnvironment(Map<String, String> environment, FileFetcher fetcher) {
    return VaultEnvironment.source(environment, fetcher, Path.of(System.getProperty("user.home")),
        Clock.systemUTC());
  }
}
