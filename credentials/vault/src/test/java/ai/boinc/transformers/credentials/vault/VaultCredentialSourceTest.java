package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.testkit.LocalVaultFault;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VaultCredentialSourceTest {
  private final VaultFixture fx = new VaultFixture();
  private final String root = fx.vault.rootToken();

  @AfterEach
  void stop() {
    fx.close();
  }

  private VaultCredentialSource kv2(String path) {
    return fx.builder().path(path).auth(VaultAuth.token(root)).build();
  }

  @Test
  void readsTheTokenFieldOfAKv2Secret() {
    fx.vault.kv2().put("ml/boincai", Map.of("token", "ba_kv2", "other", "x"));
    assertThat(kv2("ml/boincai").resolve()).contains(AccessToken.of("ba_kv2"));
    assertThat(fx.vault.requests("secret/data/ml/boincai")).hasSize(1);
  }

  @Test
  void readsAPinnedKv2Version() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_v1"));
    fx.vault.kv2().put("hub", Map.of("token", "ba_v2"));
    var pinned = fx.builder().path("hub").secretVersion(1).auth(VaultAuth.token(root)).build();
    assertThat(pinned.resolve()).contains(AccessToken.of("ba_v1"));
    assertThat(fx.vault.requests("secret/data/hub").get(0).path()).endsWith("?version=1");
    assertThat(kv2("hub").resolve()).contains(AccessToken.of("ba_v2"));
  }

  @Test
  void readsAKv1SecretWithACustomMountAndField() {
    fx.vault.enableKv1("kv").put("teams/ml", Map.of("hub_token", "ba_kv1"));
    var source = fx.builder().kvVersion(1).mount("/kv/").path("teams/ml").field("hub_token")
        .auth(VaultAuth.token(root)).build();
    assertThat(source.resolve()).contains(AccessToken.of("ba_kv1"));
    assertThat(fx.vault.requests("kv/teams/ml")).hasSize(1);
  }

  @Test
  void sendsTheVaultHeadersAndTheNamespace() {
    fx.vault.enableKv2("team/ml", "kv").put("hub", Map.of("token", "ba_ns"));
    String nsToken = fx.vault.issueToken("team/ml", LocalVaultTokenSpec.defaults());
    var source = fx.builder().namespace("team/ml/").mount("kv").path("hub").auth(VaultAuth.token(nsToken)).build();
    assertThat(source.resolve()).contains(AccessToken.of("ba_ns"));
    var read = fx.vault.requests("kv/data/hub").get(0);
    assertThat(read.header("X-Vault-Request")).contains("true");
    assertThat(read.header("X-Vault-Token")).contains(nsToken);
    assertThat(read.header("X-Vault-Namespace")).contains("team/ml");
    assertThat(read.header("Authorization")).isEmpty();
    assertThat(source.describe()).contains("namespace 'team/ml'");
  }

  @Test
  void aMountInAnotherNamespaceIsNotFoundWithANamespaceHint() {
    fx.vault.enableKv2("team/ml", "kv").put("hub", Map.of("token", "ba_ns"));
    var source = fx.builder().mount("kv").path("hub").auth(VaultAuth.token(root)).build();
    assertThatThrownBy(source::resolve)
        .isInstanceOf(VaultSecretNotFoundException.class)
        .hasMessageContaining("no handler for route")
        .hasMessageContaining("VAULT_NAMESPACE");
  }

  @Test
  void cachesUntilMaxAgeThenReadsAgain() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_one"));
    var source = fx.builder().path("hub").maxAge(Duration.ofMinutes(2)).auth(VaultAuth.token(root)).build();
    assertThat(source.resolve()).contains(AccessToken.of("ba_one"));
    fx.vault.kv2().put("hub", Map.of("token", "ba_two"));
    fx.vault.advance(Duration.ofSeconds(119));
    assertThat(source.resolve()).contains(AccessToken.of("ba_one"));
    assertThat(fx.count("secret/data/hub")).isEqualTo(1);
    fx.vault.advance(Duration.ofSeconds(1));
    assertThat(source.resolve()).contains(AccessToken.of("ba_two"));
    assertThat(fx.count("secret/data/hub")).isEqualTo(2);
  }

  @Test
  void aKv1TtlShorterThanMaxAgeWins() {
    fx.vault.enableKv1("kv").put("hub", Map.of("token", "ba_one", "ttl", "30s"));
    var source = fx.builder().kvVersion(1).mount("kv").path("hub").auth(VaultAuth.token(root)).build();
    assertThat(source.resolve()).contains(AccessToken.of("ba_one"));
    fx.vault.advance(Duration.ofSeconds(29));
    source.resolve();
    assertThat(fx.count("kv/hub")).isEqualTo(1);
    fx.vault.advance(Duration.ofSeconds(1));
    source.resolve();
    assertThat(fx.count("kv/hub")).isEqualTo(2);
  }

  @Test
  void aLeaseDurationShorterThanMaxAgeWins() {
    fx.vault.respond("secret/data/hub", 200,
        "{\"lease_duration\":10,\"data\":{\"data\":{\"token\":\"ba_leased\"},\"metadata\":{}}}");
    var source = kv2("hub");
    source.resolve();
    fx.vault.advance(Duration.ofSeconds(9));
    source.resolve();
    assertThat(fx.count("secret/data/hub")).isEqualTo(1);
    fx.vault.advance(Duration.ofSeconds(1));
    source.resolve();
    assertThat(fx.count("secret/data/hub")).isEqualTo(2);
  }

  @Test
  void invalidateForcesARead() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_one"));
    var source = kv2("hub");
    source.resolve();
    source.invalidate();
    source.resolve();
    assertThat(fx.count("secret/data/hub")).isEqualTo(2);
  }

  @Test
  void aSealedVaultIsUnavailableAndRetryable() {
    fx.vault.seal();
    var source = kv2("hub");
    assertThatThrownBy(source::resolve)
        .isInstanceOfSatisfying(VaultUnavailableException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.status()).hasValue(503);
          assertThat(e.address()).isEqualTo(fx.vault.address().toString());
        })
        .hasMessageContaining("Vault is sealed")
        .hasMessageContaining(fx.vault.address().toString())
        .hasMessageContaining("Unseal");
  }

  @Test
  void otherServerErrorsAreUnavailable() {
    fx.vault.respond("secret/data/hub", 502, "<html>bad gateway</html>");
    assertThatThrownBy(kv2("hub")::resolve).isInstanceOf(VaultUnavailableException.class).hasMessageContaining("HTTP 502");
  }

  @Test
  void aRefusedConnectionIsRetriedThenUnavailableAndNamesTheAddress() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var source = fx.builder().address("http://127.0.0.1:" + port).path("hub").auth(VaultAuth.token(root)).build();
    assertThatThrownBy(source::resolve)
        .isInstanceOfSatisfying(VaultUnavailableException.class, e -> assertThat(e.status()).isEmpty())
        .hasMessageContaining("http://127.0.0.1:" + port)
        .hasMessageContaining("VAULT_ADDR");
    assertThat(fx.waits).as("retried twice, as Vault's client does").hasSize(2);
  }

  @Test
  void permissionDeniedNamesThePathAndPolicy() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_x"));
    String limited = fx.vault.issueToken(LocalVaultTokenSpec.defaults().policies("secret/data/other"));
    var source = fx.builder().path("hub").auth(VaultAuth.token(limited)).build();
    assertThatThrownBy(source::resolve)
        .isInstanceOfSatisfying(VaultPermissionDeniedException.class, e -> assertThat(e.status()).hasValue(403))
        .hasMessageContaining("permission denied")
        .hasMessageContaining("secret/data/hub")
        .hasMessageContaining("policy");
    assertThat(fx.count("secret/data/hub")).as("a token given as a value is not retried").isEqualTo(1);
  }

  @Test
  void aMissingSecretIsNotFound() {
    assertThatThrownBy(kv2("nope")::resolve)
        .isInstanceOfSatisfying(VaultSecretNotFoundException.class, e -> assertThat(e.status()).hasValue(404))
        .hasMessageContaining("'nope'")
        .hasMessageContaining("mount 'secret'")
        .hasMessageContaining("KV version");
  }

  @Test
  void aSoftDeletedVersionIsNotFoundAndSaysHowToUndelete() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_x"));
    fx.vault.kv2().put("hub", Map.of("token", "ba_y"));
    fx.vault.kv2().delete("hub");
    assertThatThrownBy(kv2("hub")::resolve)
        .isInstanceOf(VaultSecretNotFoundException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("deleted at 2030-01-01T00:00:00Z")
        .hasMessageContaining("vault kv undelete -versions=2 secret/hub")
        .hasMessageNotContaining("ba_x");
  }

  @Test
  void aDestroyedVersionIsNotFound() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_x"));
    fx.vault.kv2().destroy("hub", 1);
    assertThatThrownBy(kv2("hub")::resolve).isInstanceOf(VaultSecretNotFoundException.class).hasMessageContaining("destroyed");
  }

  @Test
  void aKv1ReadOfAKv2MountSaysToSwitchVersions() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_x"));
    var source = fx.builder().kvVersion(1).path("hub").auth(VaultAuth.token(root)).build();
    assertThatThrownBy(source::resolve)
        .isInstanceOf(VaultSecretNotFoundException.class)
        .hasMessageContaining("BA_VAULT_KV_VERSION=2");
  }

  @Test
  void aMissingFieldIsNotFoundAndListsTheFieldNamesOnly() {
    fx.vault.kv2().put("hub", Map.of("api_key", "ba_wrongfield"));
    assertThatThrownBy(kv2("hub")::resolve)
        .isInstanceOf(VaultSecretNotFoundException.class)
        .hasMessageContaining("field 'token'")
        .hasMessageContaining("[api_key]")
        .hasMessageContaining("BA_VAULT_FIELD")
        .hasMessageNotContaining("ba_wrongfield");
  }

  @Test
  void aFieldThatIsNotAStringOrBlankOrNotATokenIsAnError() {
    fx.vault.kv2().put("number", Map.of("token", 42));
    fx.vault.kv2().put("blank", Map.of("token", "  "));
    fx.vault.kv2().put("spaced", Map.of("token", "ba_half other_half"));
    assertThatThrownBy(kv2("number")::resolve).isInstanceOf(VaultResponseException.class)
        .hasMessageContaining("a number").hasMessageContaining("$.data.data.token");
    assertThatThrownBy(kv2("blank")::resolve).isInstanceOf(VaultSecretNotFoundException.class).hasMessageContaining("empty");
    assertThatThrownBy(kv2("spaced")::resolve).isInstanceOf(VaultResponseException.class)
        .hasMessageNotContaining("ba_half").hasMessageNotContaining("other_half");
  }

  @Test
  void malformedAnswersAreResponseErrors() {
    var source = kv2("hub");
    for (LocalVaultFault fault : LocalVaultFault.values()) {
      fx.vault.fault("secret/data/hub", fault);
      assertThatThrownBy(source::resolve)
          .as(fault.toString())
          .isInstanceOfSatisfying(VaultResponseException.class, e -> assertThat(e.status()).hasValue(200))
          .hasMessageContaining("secret 'hub'")
          .hasMessageContaining(fx.vault.address().toString());
    }
  }

  @Test
  void aNotJsonAnswerGivesTheLocationOnly() {
    fx.vault.respond("secret/data/hub", 200, "{\"data\": ba_unquoted_secret}");
    assertThatThrownBy(kv2("hub")::resolve)
        .isInstanceOf(VaultResponseException.class)
        .hasMessageContaining("not JSON (error at line 1, column")
        .hasMessageNotContaining("ba_unquoted_secret")
        .satisfies(e -> assertThat(e.getCause()).isNull());
  }

  @Test
  void aRedirectIsNotFollowed() {
    fx.vault.respond("secret/data/hub", 307, "");
    assertThatThrownBy(kv2("hub")::resolve)
        .isInstanceOf(VaultResponseException.class)
        .hasMessageContaining("redirect");
    assertThat(fx.sent).hasSize(1); // the read alone: no lookup before it, nothing followed
  }

  @Test
  void everyVaultErrorIsACredentialExceptionNamingTheSource() {
    fx.vault.seal();
    var source = kv2("hub");
    assertThatThrownBy(source::resolve)
        .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.source()).isEqualTo(source.describe()));
  }

  @Test
  void describeNamesAddressSecretFieldAndAuthButNoSecret() {
    var source = fx.builder().path("ml/hub").field("tok").auth(VaultAuth.token("hvs.secret-value")).build();
    assertThat(source.describe())
        .contains(fx.vault.address().toString())
        .contains("field 'tok' of KV v2 secret 'ml/hub' at mount 'secret'")
        .contains("Vault token from code")
        .doesNotContain("hvs.secret-value");
    assertThat(source.toString()).doesNotContain("hvs.secret-value");
  }

  @Test
  void theBuilderRejectsIncompleteOrContradictorySettings() {
    assertThatThrownBy(() -> VaultCredentialSource.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("address is not set");
    assertThatThrownBy(() -> fx.builder().auth(VaultAuth.token(root)).build()).hasMessageContaining("path");
    assertThatThrownBy(() -> fx.builder().path("x").build()).hasMessageContaining("auth");
    assertThatThrownBy(() -> fx.builder().path("x").kvVersion(1).secretVersion(2).auth(VaultAuth.token(root)).build())
        .hasMessageContaining("KV version 2");
    assertThatThrownBy(() -> fx.builder().kvVersion(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fx.builder().address("ftp://vault")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fx.builder().path("a/../b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fx.builder().maxAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VaultAuth.token(root).atMount("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pathSegmentsArePercentEncoded() {
    fx.vault.kv2().put("team a/hub#1", Map.of("token", "ba_enc"));
    assertThat(kv2("team a/hub#1").resolve()).contains(AccessToken.of("ba_enc"));
    assertThat(fx.sent.get(0).uri().getRawPath()).isEqualTo("/v1/secret/data/team%20a/hub%231");
  }
}
