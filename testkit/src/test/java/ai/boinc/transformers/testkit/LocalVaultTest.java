package ai.boinc.transformers.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalVaultTest {
  private final LocalVault vault = LocalVault.start();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void listensOnLoopback() {
    assertThat(vault.address().getHost()).isEqualTo("127.0.0.1");
    assertThat(vault.address().getPort()).isPositive();
  }

  @Test
  void kv2ReadsTheLatestOrARequestedVersion() throws Exception {
    assertThat(vault.kv2().put("boincai/hub", Map.of("token", "ba_one"))).isEqualTo(1);
    assertThat(vault.kv2().put("boincai/hub", Map.of("token", "ba_two"))).isEqualTo(2);
    var latest = get("secret/data/boincai/hub", vault.rootToken(), null);
    assertThat(latest.statusCode()).isEqualTo(200);
    assertThat(latest.body()).contains("\"data\":{\"data\":{\"token\":\"ba_two\"}").contains("\"version\":2");
    assertThat(get("secret/data/boincai/hub?version=1", vault.rootToken(), null).body()).contains("ba_one");
    assertThat(get("secret/data/boincai/hub?version=7", vault.rootToken(), null).statusCode()).isEqualTo(404);
  }

  @Test
  void kv2SoftDeletedVersionIs404WithMetadataAndNullData() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    vault.advance(Duration.ofMinutes(1));
    vault.kv2().delete("hub");
    var response = get("secret/data/hub", vault.rootToken(), null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("\"data\":{\"data\":null,\"metadata\":{")
        .contains("\"deletion_time\":\"2030-01-01T00:01:00Z\"")
        .contains("\"destroyed\":false")
        .doesNotContain("ba_x");
    vault.kv2().destroy("hub", 1);
    assertThat(get("secret/data/hub", vault.rootToken(), null).body()).contains("\"destroyed\":true");
  }

  @Test
  void aV1StylePathOnAV2MountIs404WithTheWarning() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    var response = get("secret/hub", vault.rootToken(), null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Invalid path for a versioned K/V secrets engine").contains("\"data\":null");
  }

  @Test
  void kv1ReadsFlatDataWithTheTtlAsLease() throws Exception {
    var kv = vault.enableKv1("kv");
    kv.put("hub", Map.of("token", "ba_v1", "ttl", "1h"));
    kv.put("plain", Map.of("token", "ba_v1"));
    assertThat(get("kv/hub", vault.rootToken(), null).body())
        .contains("\"lease_duration\":3600").contains("\"token\":\"ba_v1\"").contains("\"ttl\":\"1h\"");
    assertThat(get("kv/plain", vault.rootToken(), null).body()).contains("\"lease_duration\":2764800");
    assertThat(get("kv/missing", vault.rootToken(), null).body()).isEqualTo("{\"errors\":[]}");
  }

  @Test
  void anUnknownMountIsNoHandlerAndAMissingTokenIsPermissionDenied() throws Exception {
    var unknown = get("nothing/here", vault.rootToken(), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no handler for route");
    var anonymous = get("secret/data/hub", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(anonymous.body()).isEqualTo("{\"errors\":[\"permission denied\"]}");
  }

  @Test
  void policiesLimitWhatATokenReads() throws Exception {
    vault.kv2().put("a/hub", Map.of("token", "ba_a"));
    vault.kv2().put("b/hub", Map.of("token", "ba_b"));
    String token = vault.issueToken(LocalVaultTokenSpec.defaults().policies("secret/data/a/*"));
    assertThat(get("secret/data/a/hub", token, null).statusCode()).isEqualTo(200);
    assertThat(get("secret/data/b/hub", token, null).statusCode()).isEqualTo(403);
  }

  @Test
  void tokensExpireWithTheClockAndRenewUpToTheirMaximum() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    String token = vault.issueToken(LocalVaultTokenSpec.defaults()
        .ttl(Duration.ofMinutes(10)).maxTtl(Duration.ofMinutes(25)));
    assertThat(get("auth/token/lookup-self", token, null).body()).contains("\"ttl\":600").contains("\"renewable\":true");
    vault.advance(Duration.ofMinutes(8));
    assertThat(post("auth/token/renew-self", token, null, "{\"increment\":\"10m\"}").body())
        .contains("\"lease_duration\":600").contains("\"renewable\":true");
    vault.advance(Duration.ofMinutes(9));
    assertThat(post("auth/token/renew-self", token, null, "").body()).contains("\"lease_duration\":480");
    vault.advance(Duration.ofMinutes(8));
    assertThat(get("secret/data/hub", token, null).statusCode()).isEqualTo(403);
  }

  @Test
  void aNonRenewableTokenCannotRenew() throws Exception {
    String token = vault.issueToken(LocalVaultTokenSpec.defaults().renewable(false));
    var response = post("auth/token/renew-self", token, null, "");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("lease is not renewable");
  }

  @Test
  void revokedTokensAreDenied() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    String token = vault.issueToken(LocalVaultTokenSpec.defaults());
    vault.revoke(token);
    assertThat(get("secret/data/hub", token, null).statusCode()).isEqualTo(403);
  }

  @Test
  void appRoleLoginIssuesATokenWithTheRoleTtl() throws Exception {
    vault.addAppRole("approle-ci", "role-1", "secret-1", LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(20)));
    var ok = post("auth/approle-ci/login", null, null, "{\"role_id\":\"role-1\",\"secret_id\":\"secret-1\"}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"client_token\":\"hvs.").contains("\"lease_duration\":1200").contains("\"data\":null");
    var wrong = post("auth/approle-ci/login", null, null, "{\"role_id\":\"role-1\",\"secret_id\":\"nope\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("invalid role or secret ID");
    assertThat(post("auth/approle/login", null, null, "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void kubernetesLoginChecksRoleAndJwt() throws Exception {
    vault.addKubernetesRole("k8s", "hub-reader", "eyJ.jwt.sig", LocalVaultTokenSpec.defaults());
    assertThat(post("auth/k8s/login", null, null, "{\"role\":\"hub-reader\",\"jwt\":\"eyJ.jwt.sig\"}").body())
        .contains("\"client_token\"").contains("\"service_account_name\"");
    assertThat(post("auth/k8s/login", null, null, "{\"role\":\"hub-reader\",\"jwt\":\"other\"}").statusCode())
        .isEqualTo(403);
    assertThat(post("auth/k8s/login", null, null, "{\"role\":\"nobody\",\"jwt\":\"x\"}").body())
        .contains("invalid role name");
    assertThat(post("auth/k8s/login", null, null, "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void namespacesMustMatch() throws Exception {
    vault.enableKv2("team/a", "kv").put("hub", Map.of("token", "ba_ns"));
    String nsToken = vault.issueToken("team/a", LocalVaultTokenSpec.defaults());
    assertThat(get("kv/data/hub", nsToken, "team/a/").statusCode()).isEqualTo(200);
    assertThat(get("kv/data/hub", vault.rootToken(), "team/a").statusCode()).isEqualTo(200);
    assertThat(get("kv/data/hub", vault.rootToken(), null).statusCode()).isEqualTo(404);
    assertThat(get("kv/data/hub", nsToken, null).statusCode()).isEqualTo(403);
    assertThat(get("kv/data/hub", nsToken, "team/b").statusCode()).isEqualTo(403);
  }

  @Test
  void aSealedVaultAnswers503() throws Exception {
    vault.seal();
    var response = get("secret/data/hub", vault.rootToken(), null);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"errors\":[\"Vault is sealed\"]}");
    vault.unseal();
    assertThat(get("secret/data/hub", vault.rootToken(), null).statusCode()).isEqualTo(404);
  }

  @Test
  void faultsReplaceTheAnswerOfOnePath() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    vault.fault("secret/data/hub", LocalVaultFault.NOT_JSON);
    assertThat(get("secret/data/hub", vault.rootToken(), null).body()).startsWith("<html>");
    vault.fault("secret/data/hub", LocalVaultFault.MISSING_DATA);
    assertThat(get("secret/data/hub", vault.rootToken(), null).body()).contains("\"data\":null");
    vault.respond("secret/data/hub", 502, "{\"errors\":[\"upstream\"]}");
    assertThat(get("secret/data/hub", vault.rootToken(), null).statusCode()).isEqualTo(502);
    vault.clearFaults();
    assertThat(get("secret/data/hub", vault.rootToken(), null).body()).contains("ba_x");
  }

  @Test
  void requestsAreRecordedAndPrintedWithoutSecrets() throws Exception {
    vault.addAppRole("approle", "role-1", "secret-xyz", LocalVaultTokenSpec.defaults());
    post("auth/approle/login", null, "ns1", "{\"role_id\":\"role-1\",\"secret_id\":\"secret-xyz\"}");
    get("secret/data/hub?version=2", vault.rootToken(), null);
    var recorded = vault.requests();
    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(0).method()).isEqualTo("POST");
    assertThat(recorded.get(0).header("x-vault-namespace")).contains("ns1");
    assertThat(recorded.get(0).body()).contains("secret-xyz");
    assertThat(recorded.get(0).toString()).doesNotContain("secret-xyz");
    assertThat(recorded.get(1).path()).isEqualTo("/v1/secret/data/hub?version=2");
    assertThat(recorded.get(1).header("X-Vault-Token")).contains(vault.rootToken());
    assertThat(recorded.get(1).toString()).contains("[redacted]").doesNotContain(vault.rootToken());
    assertThat(vault.requests("secret/data/hub")).hasSize(1);
  }

  @Test
  void timeOnlyMovesForward() {
    assertThatThrownBy(() -> vault.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    vault.advance(Duration.ofHours(1));
    assertThat(vault.clock().instant()).isEqualTo(LocalVault.START.plus(Duration.ofHours(1)));
  }

  @Test
  void failNextAnswersTheGivenStatusesOnceEachThenNormally() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    vault.failNext("secret/data/hub", 429, 1, Duration.ofSeconds(7));
    vault.failNext("/secret/data/hub/", 503, 1);
    var limited = get("secret/data/hub", vault.rootToken(), null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    assertThat(limited.body()).contains("rate limit quota exceeded");
    assertThat(get("secret/data/hub", vault.rootToken(), null).body()).contains("Vault is sealed");
    assertThat(get("secret/data/hub", vault.rootToken(), null).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenWithNumUsesIsRevokedAfterItsLastUse() throws Exception {
    vault.kv2().put("hub", Map.of("token", "ba_x"));
    String twice = vault.issueToken(LocalVaultTokenSpec.defaults().numUses(2));
    var lookup = get("auth/token/lookup-self", twice, null);
    assertThat(lookup.body()).contains("\"num_uses\":1");
    assertThat(get("secret/data/hub", twice, null).statusCode()).isEqualTo(200);
    assertThat(get("secret/data/hub", twice, null).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> get(String apiPath, String token, String namespace) throws IOException, InterruptedException {
    return http.send(request(apiPath, token, namespace).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String apiPath, String token, String namespace, String body)
      throws IOException, InterruptedException {
    return http.send(request(apiPath, token, namespace).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String apiPath, String token, String namespace) {
    var builder = HttpRequest.newBuilder(URI.create(vault.address() + "/v1/" + apiPath)).header("X-Vault-Request", "true");
    if (token != null) {
      builder.header("X-Vault-Token", token);
    }
    if (namespace != null) {
      builder.header("X-Vault-Namespace", namespace);
    }
    return builder;
  }
}
