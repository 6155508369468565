package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever Vault answers — any status, any JSON shape, not JSON at all — the source returns a
 * token or throws a typed {@link VaultException}: never a NullPointerException, ClassCastException
 * or other runtime error, and never a message that quotes the planted secret.
 */
class VaultMalformedAnswerPropertyTest {
  private static final String PLANTED = "ba_planted_secret_value";
  private static final long SEED = 0x5EEDL;

  private static final String[] KEYS = {"data", "data", "token", "auth", "client_token", "lease_duration",
      "renewable", "metadata", "deletion_time", "destroyed", "version", "ttl", "errors", "warnings", "x"};
  private static final String[] STRINGS = {PLANTED, "", " ", "1h", "30s", "ba_x y", "hvs.abc", "\\u0000",
      "permission denied", "2030-01-01T00:00:00Z", "Invalid path for a versioned K/V secrets engine", "hvs.a\\tb"};
  private static final String[] NUMBERS = {"0", "-1", "1", "42", "1.5", "1e400", "-1e400", "99999999999999999999",
      "3600", "2764800"};
  private static final String[] GARBAGE = {"", "<html>oops</html>", "{", "{\"data\":", "nul", "[]", "\"string\"",
      "{\"data\":{\"data\":{\"token\":\"" + PLANTED + "\"}}} trailing", "{\"a\":1,\"a\":2}", "\u0000\u0001"};
  private static final int[] STATUSES = {200, 200, 200, 200, 204, 301, 307, 400, 401, 403, 404, 404, 405, 412, 429,
      500, 501, 502, 503};

  private final VaultFixture fx = new VaultFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void secretReadsNeverFailUntyped() {
    var source = fx.builder().path("hub").auth(VaultAuth.token(fx.vault.rootToken())).build();
    qt().withFixedSeed(SEED).withExamples(300).forAll(status(), body(true)).checkAssert((status, body) -> {
      fx.vault.respond("secret/data/hub", status, body);
      source.invalidate();
      check(source, status, body);
    });
  }

  @Test
  void kv1ReadsNeverFailUntyped() {
    fx.vault.enableKv1("kv");
    var source = fx.builder().kvVersion(1).mount("kv").path("hub").auth(VaultAuth.token(fx.vault.rootToken())).build();
    qt().withFixedSeed(SEED + 1).withExamples(200).forAll(status(), body(false)).checkAssert((status, body) -> {
      fx.vault.respond("kv/hub", status, body);
      source.invalidate();
      check(source, status, body);
    });
  }

  @Test
  void loginsRenewalsAndLookupsNeverFailUntyped() {
    fx.vault.kv2().put("hub", Map.of("token", "ba_real"));
    fx.vault.addAppRole("approle", "role", "secret-id-1", LocalVaultTokenSpec.defaults());
    qt().withFixedSeed(SEED + 2).withExamples(200).forAll(status(), body(true), integers().between(0, 2))
        .checkAssert((status, body, which) -> {
          fx.vault.clearFaults();
          String path = which == 0 ? "auth/approle/login" : which == 1 ? "auth/token/renew-self" : "auth/token/lookup-self";
          fx.vault.respond(path, status, body);
          VaultCredentialSource source = which == 2
              ? fx.builder().path("hub").auth(VaultAuth.token(fx.vault.issueToken(LocalVaultTokenSpec.defaults()))).build()
              : fx.builder().path("hub").maxAge(java.time.Duration.ofSeconds(1)).auth(VaultAuth.appRole("role", "secret-id-1")).build();
          if (which == 1) {
            fx.vault.clearFaults();
            check(source, status, body); // a real login first
            fx.vault.respond(path, status, body);
            fx.vault.advance(java.time.Duration.ofMinutes(45)); // past 2/3 of the 1 h TTL: renew
          }
          check(source, status, body);
        });
  }

  private static void check(VaultCredentialSource source, int status, String body) {
    try {
      assertThat(source.resolve()).isPresent();
    } catch (VaultException e) {
      assertThat(e.getMessage()).as("status %d body %s", status, body).doesNotContain(PLANTED).isNotBlank();
      assertThat(e.source()).isEqualTo(source.describe());
    } catch (RuntimeException e) {
      throw new AssertionError("untyped " + e + " for status " + status + " and body " + body, e);
    }
  }

  private static Gen<Integer> status() {
    return integers().between(0, STATUSES.length - 1).map(i -> STATUSES[i]);
  }

  private static Gen<String> body(boolean kv2) {
    Gen<Integer> kind = integers().between(0, 9);
    return in -> {
      int k = kind.generate(in);
      if (k == 0) {
        return pick(GARBAGE, in);
      }
      if (k <= 3) {
        return value(in, 4);
      }
      // envelope-like: mostly right, with random parts
      String inner = "{\"" + "token" + "\":" + (k % 2 == 0 ? value(in, 1) : "\"" + PLANTED + "\"") + "}";
      String data = kv2 ? "{\"data\":" + (k == 9 ? value(in, 2) : inner) + ",\"metadata\":" + value(in, 2) + "}"
          : (k == 9 ? value(in, 2) : inner);
      String auth = "{\"client_token\":" + value(in, 1) + ",\"lease_duration\":" + value(in, 0)
          + ",\"renewable\":" + value(in, 0) + "}";
      return "{\"lease_duration\":" + value(in, 0) + ",\"data\":" + (k == 8 ? value(in, 2) : data)
          + ",\"auth\":" + (k == 7 ? value(in, 2) : auth) + ",\"warnings\":" + value(in, 1)
          + ",\"errors\":" + value(in, 1) + "}";
    };
  }

  private static String value(org.quicktheories.core.RandomnessSource in, int depth) {
    int kind = integers().between(0, depth > 0 ? 6 : 3).generate(in);
    switch (kind) {
      case 0:
        return "null";
      case 1:
        return integers().between(0, 1).generate(in) == 0 ? "true" : "false";
      case 2:
        return pick(NUMBERS, in);
      case 3:
        return "\"" + pick(STRINGS, in) + "\"";
      case 4: {
        int n = integers().between(0, 3).generate(in);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          items.add(value(in, depth - 1));
        }
        return "[" + String.join(",", items) + "]";
      }
      default: {
        int n = integers().between(0, 4).generate(in);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          members.add("\"" + pick(KEYS, in) + "\":" + value(in, depth - 1));
        }
        return "{" + String.join(",", members) + "}";
      }
    }
  }

  private static String pick(String[] options, org.quicktheories.core.RandomnessSource in) {
    return options[integers().between(0, options.length - 1).generate(in)];
  }
}
