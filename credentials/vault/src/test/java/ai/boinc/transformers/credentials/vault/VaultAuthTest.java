package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultAuthTest {
  private static final String ROLE_ID = "11111111-role-id";
  private static final String SECRET_ID = "22222222-secret-id";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYSJ9.c2lnbmF0dXJl";

  private final VaultFixture fx = new VaultFixture();
  @TempDir Path dir;

  @BeforeEach
  void seed() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_from_vault"));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private VaultCredentialSource source(VaultAuth auth) {
    // a max age of one second: every resolve after a clock jump reads the secret again, so the
    // tests see the token renewal and login decisions that each read makes
    return fx.builder().path("hub").maxAge(Duration.ofSeconds(1)).auth(auth).build();
  }

  private AccessToken resolveAfter(VaultCredentialSource source, Duration wait) {
    fx.vault.advance(wait);
    return source.resolve().orElseThrow();
  }

  // ---- token

  @Test
  void aGivenTokenIsLookedUpOnceAndRenewedAfterTwoThirdsOfItsTtl() {
    String token = fx.vault.issueToken(LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(30)));
    var source = source(VaultAuth.token(token));
    assertThat(source.resolve()).contains(AccessToken.of("ba_from_vault"));
    assertThat(fx.count("auth/token/lookup-self")).isEqualTo(1);
    resolveAfter(source, Duration.ofMinutes(19));
    assertThat(fx.count("auth/token/renew-self")).isZero();
    resolveAfter(source, Duration.ofMinutes(1));
    assertThat(fx.count("auth/token/renew-self")).isEqualTo(1);
    // renewed at minute 20 for 30 more minutes: still valid at minute 45, renewed again at 40+
    resolveAfter(source, Duration.ofMinutes(25));
    assertThat(fx.count("auth/token/renew-self")).isEqualTo(2);
    assertThat(fx.count("auth/token/lookup-self")).isEqualTo(1);
    assertThat(fx.vault.requests("auth/token/renew-self").get(0).header("X-Vault-Token")).contains(token);
  }

  @Test
  void aNonRenewableGivenTokenIsUsedUntilVaultRefusesIt() {
    String token = fx.vault.issueToken(LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(10)).renewable(false));
    var source = source(VaultAuth.token(token));
    source.resolve();
    resolveAfter(source, Duration.ofMinutes(9));
    assertThat(fx.count("auth/token/renew-self")).isZero();
    fx.vault.advance(Duration.ofMinutes(2));
    assertThatThrownBy(source::resolve)
        .isInstanceOf(VaultPermissionDeniedException.class)
        .hasMessageNotContaining(token);
  }

  @Test
  void vaultTokenFromTheEnvironmentOrTheTokenHelperFile() throws Exception {
    String token = fx.vault.issueToken(LocalVaultTokenSpec.defaults());
    Map<String, String> env = Map.of("BA_VAULT_SECRET_PATH", "hub", "VAULT_ADDR", fx.vault.address().toString(),
        "VAULT_TOKEN", token);
    var fromEnv = VaultEnvironment.source(env, fx.fetcher, dir, fx.vault.clock());
    assertThat(fromEnv.resolve()).contains(AccessToken.of("ba_from_vault"));
    assertThat(fromEnv.describe()).contains("Vault token from VAULT_TOKEN");

    Files.writeString(dir.resolve(".vault-token"), token + "\n");
    var fromFile = VaultEnvironment.source(
        Map.of("BA_VAULT_SECRET_PATH", "hub", "VAULT_ADDR", fx.vault.address().toString()), fx.fetcher, dir,
        fx.vault.clock());
    assertThat(fromFile.resolve()).contains(AccessToken.of("ba_from_vault"));
    assertThat(fromFile.describe()).contains("Vault token from file " + dir.resolve(".vault-token"));
  }

  @Test
  void aTokenFileIsReadAgainWhenVaultRefusesTheToken() throws Exception {
    Path file = dir.resolve("agent-sink");
    String first = fx.vault.issueToken(LocalVaultTokenSpec.defaults());
    Files.writeString(file, first);
    var source = source(VaultAuth.tokenFile(file));
    source.resolve();
    fx.vault.revoke(first);
    String second = fx.vault.issueToken(LocalVaultTokenSpec.defaults());
    Files.writeString(file, second);
    assertThat(resolveAfter(source, Duration.ofSeconds(2))).isEqualTo(AccessToken.of("ba_from_vault"));
    assertThat(fx.vault.requests("secret/data/hub")).last()
        .satisfies(r -> assertThat(r.header("X-Vault-Token")).contains(second));
  }

  @Test
  void aMissingTokenFileIsALoginError() {
    var source = source(VaultAuth.tokenFile(dir.resolve(".vault-token")));
    assertThatThrownBy(source::resolve)
        .isInstanceOf(VaultLoginException.class)
        .hasMessageContaining(dir.resolve(".vault-token").toString())
        .hasMessageContaining("vault login");
  }

  // ---- AppRole

  @Test
  void appRoleLogsInAtACustomMountAndReadsTheSecret() {
    fx.vault.addAppRole("approle-ci", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(20)));
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID).atMount("/approle-ci/"));
    assertThat(source.resolve()).contains(AccessToken.of("ba_from_vault"));
    var login = fx.vault.requests("auth/approle-ci/login").get(0);
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.header("X-Vault-Token")).isEmpty();
    assertThat(login.body()).contains("\"role_id\":\"" + ROLE_ID + "\"").contains("\"secret_id\":\"" + SECRET_ID + "\"");
    assertThat(source.describe()).contains("AppRole login at auth/approle-ci");
  }

  @Test
  void appRoleReadsTheSecretIdFileAtEveryLogin() throws Exception {
    Path secretIdFile = Files.writeString(dir.resolve("secret-id"), SECRET_ID + "\n");
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults().renewable(false)
        .ttl(Duration.ofMinutes(3)));
    var source = source(VaultAuth.appRoleWithSecretIdFile(ROLE_ID, secretIdFile));
    source.resolve();
    fx.vault.addAppRole("approle", ROLE_ID, "33333333-rotated", LocalVaultTokenSpec.defaults());
    Files.writeString(secretIdFile, "33333333-rotated");
    resolveAfter(source, Duration.ofMinutes(2));
    assertThat(fx.count("auth/approle/login")).isEqualTo(2);
    assertThat(fx.vault.requests("auth/approle/login").get(1).body()).contains("33333333-rotated");
  }

  @Test
  void aRejectedAppRoleLoginIsALoginErrorWithoutTheSecretId() {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults());
    var source = source(VaultAuth.appRole(ROLE_ID, "99999999-wrong"));
    assertThatThrownBy(source::resolve)
        .isInstanceOfSatisfying(VaultLoginException.class, e -> assertThat(e.status()).hasValue(400))
        .hasMessageContaining("invalid role or secret ID")
        .hasMessageContaining("auth/approle")
        .hasMessageContaining("BA_VAULT_SECRET_ID")
        .hasMessageNotContaining("99999999-wrong")
        .hasMessageNotContaining(ROLE_ID);
  }

  @Test
  void aLoginAtAMountThatDoesNotExistSaysToCheckTheMount() {
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID).atMount("nowhere"));
    assertThatThrownBy(source::resolve)
        .isInstanceOf(VaultLoginException.class)
        .hasMessageContaining("auth/nowhere")
        .hasMessageContaining("BA_VAULT_AUTH_MOUNT");
  }

  @Test
  void aLoginTokenIsRenewedWhileRenewableThenReplacedByLoginAtItsMaximum() {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID,
        LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(30)).maxTtl(Duration.ofMinutes(50)));
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID));
    source.resolve();
    resolveAfter(source, Duration.ofMinutes(20)); // due: renew to 30 more minutes (expiry 50)
    assertThat(fx.count("auth/token/renew-self")).isEqualTo(1);
    assertThat(fx.count("auth/approle/login")).isEqualTo(1);
    resolveAfter(source, Duration.ofMinutes(20)); // due again: renewal capped at 50, not extended
    assertThat(fx.count("auth/token/renew-self")).isEqualTo(2);
    resolveAfter(source, Duration.ofMinutes(7)); // due, no longer renewable in practice: log in
    assertThat(fx.count("auth/approle/login")).isEqualTo(2);
    assertThat(fx.count("auth/token/renew-self")).isEqualTo(2);
  }

  @Test
  void aNonRenewableLoginTokenIsReplacedByLoginBeforeItExpires() {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID,
        LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(15)).renewable(false));
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID));
    source.resolve();
    resolveAfter(source, Duration.ofMinutes(9));
    assertThat(fx.count("auth/approle/login")).isEqualTo(1);
    resolveAfter(source, Duration.ofMinutes(1));
    assertThat(fx.count("auth/approle/login")).isEqualTo(2);
    assertThat(fx.count("auth/token/renew-self")).isZero();
  }

  @Test
  void anExpiredLoginTokenIsReplacedByLogin() {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(15)));
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID));
    source.resolve();
    resolveAfter(source, Duration.ofHours(2));
    assertThat(fx.count("auth/approle/login")).isEqualTo(2);
    assertThat(fx.count("auth/token/renew-self")).isZero();
  }

  @Test
  void a403WithALoginTokenLogsInAgainOnce() {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults());
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID));
    source.resolve();
    fx.vault.revokeLoginTokens();
    assertThat(resolveAfter(source, Duration.ofSeconds(2))).isEqualTo(AccessToken.of("ba_from_vault"));
    assertThat(fx.count("auth/approle/login")).isEqualTo(2);
    assertThat(fx.count("secret/data/hub")).isEqualTo(3);
  }

  @Test
  void a403AfterReloginIsPermissionDenied() {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults().policies("secret/data/other"));
    var source = source(VaultAuth.appRole(ROLE_ID, SECRET_ID));
    assertThatThrownBy(source::resolve).isInstanceOf(VaultPermissionDeniedException.class);
    assertThat(fx.count("auth/approle/login")).isEqualTo(2);
    assertThat(fx.count("secret/data/hub")).isEqualTo(2);
  }

  @Test
  void concurrentCallersShareOneLoginAndOneRead() throws Exception {
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults());
    var source = fx.builder().path("hub").auth(VaultAuth.appRole(ROLE_ID, SECRET_ID)).build();
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit((Callable<AccessToken>) () -> source.resolve().orElseThrow()));
      }
      for (Future<AccessToken> result : results) {
        assertThat(result.get()).isEqualTo(AccessToken.of("ba_from_vault"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fx.count("auth/approle/login")).isEqualTo(1);
    assertThat(fx.count("secret/data/hub")).isEqualTo(1);
  }

  // ---- Kubernetes

  @Test
  void kubernetesLogsInWithTheJwtFileAtACustomMount() throws Exception {
    Path jwt = Files.writeString(dir.resolve("token"), JWT);
    fx.vault.addKubernetesRole("k8s-prod", "hub-reader", JWT, LocalVaultTokenSpec.defaults());
    var source = source(VaultAuth.kubernetes("hub-reader", jwt).atMount("k8s-prod"));
    assertThat(source.resolve()).contains(AccessToken.of("ba_from_vault"));
    assertThat(fx.vault.requests("auth/k8s-prod/login").get(0).body())
        .contains("\"role\":\"hub-reader\"").contains("\"jwt\":\"" + JWT + "\"");
    assertThat(source.describe()).contains("Kubernetes login as role 'hub-reader' at auth/k8s-prod");
  }

  @Test
  void aRejectedJwtIsALoginErrorWithoutTheJwt() throws Exception {
    Path jwt = Files.writeString(dir.resolve("token"), "eyJ.stale.jwt");
    fx.vault.addKubernetesRole("kubernetes", "hub-reader", JWT, LocalVaultTokenSpec.defaults());
    var source = source(VaultAuth.kubernetes("hub-reader", jwt));
    assertThatThrownBy(source::resolve)
        .isInstanceOfSatisfying(VaultLoginException.class, e -> assertThat(e.status()).hasValue(403))
        .hasMessageContaining("role 'hub-reader'")
        .hasMessageContaining("service account")
        .hasMessageNotContaining("eyJ.stale.jwt");
  }

  @Test
  void aMissingJwtFileIsALoginErrorNamingTheFile() {
    var source = source(VaultAuth.kubernetes("hub-reader", dir.resolve("missing-jwt")));
    assertThatThrownBy(source::resolve)
        .isInstanceOf(VaultLoginException.class)
        .hasMessageContaining(dir.resolve("missing-jwt").toString())
        .hasMessageContaining("BA_VAULT_K8S_JWT_PATH");
    assertThat(VaultAuth.kubernetes("r").describe()).contains("auth/kubernetes");
  }

  // ---- namespaces

  @Test
  void loginsAndReadsHappenInTheNamespace() throws Exception {
    fx.vault.enableKv2("team/ml", "secret").put("hub", Map.of("token", "ba_ns"));
    fx.vault.addAppRole("team/ml", "approle", ROLE_ID, SECRET_ID, LocalVaultTokenSpec.defaults());
    var source = fx.builder().namespace("team/ml").path("hub").auth(VaultAuth.appRole(ROLE_ID, SECRET_ID)).build();
    assertThat(source.resolve()).contains(AccessToken.of("ba_ns"));
    assertThat(fx.vault.requests()).allSatisfy(r -> assertThat(r.header("X-Vault-Namespace")).contains("team/ml"));
    var wrongNamespace = fx.builder().path("hub").auth(VaultAuth.appRole(ROLE_ID, SECRET_ID)).build();
    assertThatThrownBy(wrongNamespace::resolve).isInstanceOf(VaultLoginException.class)
        .hasMessageContaining("VAULT_NAMESPACE");
  }
}
