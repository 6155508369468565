package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultCredentialSourceProviderTest {
  private final VaultFixture fx = new VaultFixture();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    fx.close();
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("VAULT_ADDR", fx.vault.address().toString());
    env.put("BA_VAULT_SECRET_PATH", "ml/hub");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void idAndOrder() {
    var provider = new VaultCredentialSourceProvider();
    assertThat(provider.id()).isEqualTo("vault");
    assertThat(provider.order()).isEqualTo(300);
  }

  @Test
  void partlyConfiguredWithoutTheSecretPathItIsEmptyAndSaysHowToConfigureIt() {
    var source = new VaultCredentialSourceProvider().create(Map.of("VAULT_ADDR", "https://vault:8200",
        "BA_VAULT_ROLE_ID", "role"));
    assertThat(source.resolve()).isEmpty();
    assertThat(source.describe()).contains("not configured").contains("BA_VAULT_SECRET_PATH").contains("VAULT_ADDR");
    assertThat(fx.vault.requests()).isEmpty();
  }

  @Test
  void notConfiguredForTheSdkItIsOneShortLineWithoutTheRecipe() {
    // VAULT_ADDR and VAULT_TOKEN serve the vault command line too: they alone do not mean "use Vault".
    var source = new VaultCredentialSourceProvider().create(Map.of("VAULT_ADDR", "https://vault:8200", "VAULT_TOKEN", "hvs.x"));
    assertThat(source.resolve()).isEmpty();
    assertThat(source.describe()).isEqualTo("HashiCorp Vault (not configured)");
  }

  @Test
  void discoveredWithATransportAndConfiguredFromTheEnvironment() {
    fx.vault.kv2().put("ml/hub", Map.of("token", "ba_discovered"));
    var chain = CredentialChain.discover(env("VAULT_TOKEN", fx.vault.rootToken(),
        "BA_TOKEN_PATH", dir.resolve("no-token-file").toString()), getClass().getClassLoader());
    // env (100) and file (200) are on the test class path too; Vault comes after them
    assertThat(chain.sources()).last().isInstanceOf(VaultCredentialSource.class);
    assertThat(chain.resolveWithSource()).get().satisfies(r -> {
      assertThat(r.token()).isEqualTo(AccessToken.of("ba_discovered"));
      assertThat(r.source()).contains("HashiCorp Vault " + fx.vault.address());
    });
  }

  @Test
  void everySettingComesFromItsVariable() throws Exception {
    fx.vault.enableKv1("team", "kv1").put("ml/hub", Map.of("hub", "ba_all_settings"));
    fx.vault.addAppRole("team", "ci", "role-1", "secret-1", LocalVaultTokenSpec.defaults());
    Path secretIdFile = Files.writeString(dir.resolve("sid"), "secret-1");
    var source = VaultEnvironment.source(env("VAULT_NAMESPACE", "team", "BA_VAULT_MOUNT", "kv1",
        "BA_VAULT_KV_VERSION", "1", "BA_VAULT_FIELD", "hub", "BA_VAULT_ROLE_ID", "role-1",
        "BA_VAULT_SECRET_ID_FILE", secretIdFile.toString(), "BA_VAULT_AUTH_MOUNT", "ci", "BA_VAULT_MAX_AGE", "60",
        "VAULT_CLIENT_TIMEOUT", "5"), fx.fetcher, dir, fx.vault.clock());
    assertThat(source.resolve()).contains(AccessToken.of("ba_all_settings"));
    assertThat(source.describe()).contains("namespace 'team'").contains("field 'hub' of KV v1 secret 'ml/hub' at mount 'kv1'")
        .contains("AppRole login at auth/ci");
    assertThat(fx.sent).allSatisfy(r -> assertThat(r.timeout()).hasValue(java.time.Duration.ofSeconds(5)));
  }

  @Test
  void kubernetesIsChosenByItsRoleVariable() throws Exception {
    fx.vault.kv2().put("ml/hub", Map.of("token", "ba_k8s"));
    fx.vault.addKubernetesRole("kubernetes", "reader", "eyJ.a.b", LocalVaultTokenSpec.defaults());
    Path jwt = Files.writeString(dir.resolve("jwt"), "eyJ.a.b");
    var source = VaultEnvironment.source(env("BA_VAULT_K8S_ROLE", "reader", "BA_VAULT_K8S_JWT_PATH", jwt.toString()),
        fx.fetcher, dir, fx.vault.clock());
    assertThat(source.resolve()).contains(AccessToken.of("ba_k8s"));
  }

  @Test
  void aSecretVersionVariablePinsTheVersion() {
    fx.vault.kv2().put("ml/hub", Map.of("token", "ba_v1"));
    fx.vault.kv2().put("ml/hub", Map.of("token", "ba_v2"));
    var source = VaultEnvironment.source(env("VAULT_TOKEN", fx.vault.rootToken(), "BA_VAULT_SECRET_VERSION", "1"),
        fx.fetcher, dir, fx.vault.clock());
    assertThat(source.resolve()).contains(AccessToken.of("ba_v1"));
  }

  @Test
  void invalidSettingsMakeASourceThatThrowsNamingTheVariable() {
    for (var bad : new String[][] {
        {"BA_VAULT_KV_VERSION", "3", "KV version"},
        {"BA_VAULT_MAX_AGE", "soon", "BA_VAULT_MAX_AGE"},
        {"BA_VAULT_AUTH", "ldap", "BA_VAULT_AUTH"},
        {"VAULT_ADDR", "vault:8200", "http(s) URL"},
        {"BA_VAULT_AUTH", "approle", "BA_VAULT_ROLE_ID"}}) {
      var source = VaultEnvironment.source(env(bad[0], bad[1]), fx.fetcher, dir, fx.vault.clock());
      assertThat(source.describe()).contains("misconfigured");
      assertThatThrownBy(source::resolve).as(bad[0]).isInstanceOf(CredentialException.class)
          .hasMessageContaining(bad[2]).hasMessageContaining("BA_VAULT_SECRET_PATH is set");
    }
    var noSecretId = VaultEnvironment.source(env("BA_VAULT_ROLE_ID", "r"), fx.fetcher, dir, fx.vault.clock());
    assertThatThrownBy(noSecretId::resolve).hasMessageContaining("BA_VAULT_SECRET_ID");
  }

  @Test
  void blankVariablesCountAsUnset() {
    var source = new VaultCredentialSourceProvider().create(Map.of("BA_VAULT_SECRET_PATH", "  "));
    assertThat(source.resolve()).isEmpty();
  }
}
