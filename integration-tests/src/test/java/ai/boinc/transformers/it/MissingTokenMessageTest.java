package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.hub.GatedRepoException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no token" messages with the default chain as this module's class path makes it: the
 * environment and Vault sources, without transformers-credentials-file (as in a quick start that
 * left it out).
 */
class MissingTokenMessageTest {
  static final String GATED = "meta-llama/Llama-2-7b-ba";
  static final String PRIVATE = "acme/secret-model";

  @TempDir Path dir;
  LocalHub localHub;

  @BeforeEach
  void start() {
    localHub = LocalHub.builder()
        .repo(HubRepo.model(GATED).gated().file("tokenizer.json", "{}").build())
        .repo(HubRepo.model(PRIVATE).privateRepo().file("config.json", "{}").build())
        .start();
  }

  @AfterEach
  void stop() {
    localHub.close();
  }

  Hub hub(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("BA_ENDPOINT", localHub.endpoint().toString());
    env.put("BA_HUB_CACHE", dir.toString());
    return Hub.builder().environment(env).build();
  }

  @Test
  void gatedSaysWhereToAskTheNextStepAndOneShortLinePerSource() {
    var e = catchThrowableOfType(GatedRepoException.class, () -> hub(Map.of()).download(GATED, "tokenizer.json"));

    assertThat(e.getMessage())
        .contains("Request access at " + e.repoPage(), "set BA_ACCESS_TOKEN to your access token, or run `ba login`")
        .contains("\nThe token saved by `ba login` is read by ai.boinc.transformers:transformers-credentials-file")
        .endsWith("No access token was found; looked in:\n  - environment variable BA_ACCESS_TOKEN"
            + "\n  - HashiCorp Vault (not configured)")
        .doesNotContain("BA_VAULT_SECRET_PATH");
    assertThat(e.getMessage().split("\n")).allSatisfy(line -> assertThat(line).hasSizeLessThan(200));
  }

  @Test
  void vaultsRecipeOnlyWhenVaultIsPartlyConfigured() {
    var e = catchThrowableOfType(MissingTokenException.class,
        () -> hub(Map.of("BA_VAULT_ROLE_ID", "ci")).download(PRIVATE, "config.json"));

    assertThat(e.getMessage()).contains("\nIf it is private, set BA_ACCESS_TOKEN", "`ba login`")
        .contains("\n  - environment variable BA_ACCESS_TOKEN\n  - HashiCorp Vault (not configured: set BA_VAULT_SECRET_PATH");
    assertThat(Arrays.stream(e.getMessage().split("\n")).filter(line -> line.startsWith("  - "))).hasSize(2);
  }

  @Test
  void whoamiWithoutATokenGivesTheSameNextStep() {
    var e = catchThrowableOfType(MissingTokenException.class, () -> hub(Map.of()).whoami());

    assertThat(e.getMessage()).startsWith("Asking the hub who you are needs an access token: set BA_ACCESS_TOKEN")
        .contains("\n  - environment variable BA_ACCESS_TOKEN");
  }
}
