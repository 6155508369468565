package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.testkit.LocalVaultRequest;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vault's answers that may pass are retried as Vault's own client retries them (412, 429, 5xx but
 * 501; 2 retries), each status is explained as Vault's API documentation defines it, and a token
 * that may be used once is spent on the read, not on a lookup.
 */
class VaultRetryTest {
  static final String SECRET = "secret/data/hub";

  private final VaultFixture fx = new VaultFixture();
  private final String root = fx.vault.rootToken();

  @BeforeEach
  void secret() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_retried"));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private VaultCredentialSource source() {
    return fx.builder().path("hub").auth(VaultAuth.token(root)).build();
  }

  private static void assertVaultClientWait(Duration wait) {
    assertThat(wait).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
  }

  @Test
  void a503OnceIsRetried() {
    fx.vault.failNext(SECRET, 503, 1);
    assertThat(source().resolve()).contains(AccessToken.of("ba_retried"));
    assertThat(fx.count(SECRET)).isEqualTo(2);
    assertThat(fx.waits).singleElement().satisfies(VaultRetryTest::assertVaultClientWait);
  }

  @Test
  void a412OnceIsRetried() {
    fx.vault.failNext(SECRET, 412, 1);
    assertThat(source().resolve()).contains(AccessToken.of("ba_retried"));
    assertThat(fx.count(SECRET)).isEqualTo(2);
  }

  @Test
  void a429WaitsWhatRetryAfterAsks() {
    fx.vault.failNext(SECRET, 429, 1, Duration.ofSeconds(3));
    assertThat(source().resolve()).contains(AccessToken.of("ba_retried"));
    assertThat(fx.waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aPersistent429IsARateLimitQuotaNotAStandbyNode() {
    fx.vault.failNext(SECRET, 429, 5);
    var e = catchThrowableOfType(VaultUnavailableException.class, source()::resolve);
    assertThat(e.status()).hasValue(429);
    assertThat(e.getMessage()).contains("rate limiting", "rate-limit quota", "after 3 attempts", "raise the quota")
        .doesNotContain("standby");
    assertThat(fx.count(SECRET)).isEqualTo(3);
    assertThat(fx.waits).hasSize(2);
  }

  @Test
  void aRetryAfterBeyondTheBudgetEndsTheRetriesAtOnceAndIsQuoted() {
    fx.vault.failNext(SECRET, 429, 5, Duration.ofSeconds(60));
    var e = catchThrowableOfType(VaultUnavailableException.class, source()::resolve);
    assertThat(e.getMessage()).contains("Wait 60 s (Vault's Retry-After)");
    assertThat(fx.count(SECRET)).isEqualTo(1);
    assertThat(fx.waits).isEmpty();
  }

  @Test
  void persistentServerErrorsFailAfterTheRetriesWithTheirMeaning() {
    for (int status : new int[] {500, 502, 503}) {
      fx.vault.clearFaults();
      fx.waits.clear();
      fx.vault.failNext(SECRET, status, 3);
      var e = catchThrowableOfType(VaultUnavailableException.class, source()::resolve);
      assertThat(e.status()).hasValue(status);
      assertThat(e.getMessage()).contains("after 3 attempts").contains(status == 500 ? "internal error"
          : status == 502 ? "service it depends on" : "sealed or down for maintenance");
      assertThat(fx.waits).hasSize(2);
    }
  }

  @Test
  void a501IsNotRetried() {
    fx.vault.failNext(SECRET, 501, 3);
    var e = catchThrowableOfType(VaultUnavailableException.class, source()::resolve);
    assertThat(e.getMessage()).contains("is not initialized", "vault operator init");
    assertThat(fx.count(SECRET)).isEqualTo(1);
    assertThat(fx.waits).isEmpty();
  }

  @Test
  void aTokenForOneUseIsSpentOnTheReadNotOnALookup() {
    String once = fx.vault.issueToken(LocalVaultTokenSpec.defaults().numUses(1));
    var source = fx.builder().path("hub").auth(VaultAuth.token(once)).build();

    assertThat(source.resolve()).contains(AccessToken.of("ba_retried"));
    assertThat(fx.vault.requests().stream().map(LocalVaultRequest::path).collect(Collectors.toList()))
        .first().asString().startsWith("/v1/" + SECRET);
  }

  @Test
  void aTokenThatMayBeLookedUpHasItsTtlLearnedAfterTheRead() {
    String token = fx.vault.issueToken(LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(30)));
    var source = fx.builder().path("hub").auth(VaultAuth.token(token)).build();

    assertThat(source.resolve()).contains(AccessToken.of("ba_retried"));
    assertThat(fx.vault.requests().stream().map(LocalVaultRequest::path).collect(Collectors.toList()))
        .containsExactly("/v1/" + SECRET, "/v1/auth/token/lookup-self");
  }
}
