package ai.boinc.transformers.cli;

import ai.boinc.transformers.testkit.DemoHub;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  /** The first golden line of llama-2 is "Hello world!" with special tokens. */
  static String goldenHelloWorldIds() throws Exception {
    String first = Files.readAllLines(CliFixtures.root().resolve("golden/llama-2.jsonl"), StandardCharsets.UTF_8).get(0);
    assertThat(first).startsWith("{\"text\":\"Hello world!\",\"pair\":null,\"add_special_tokens\":true,");
    String ids = first.substring(first.indexOf("\"ids\":[") + 6, first.indexOf(']', first.indexOf("\"ids\":[")) + 1);
    return ids.replace(",", ", ");
  }

  @Test
  void withTheDemoTokenItPrintsTheGoldenIds() throws Exception {
    CliRun run = CliRun.run(Map.of("BA_ACCESS_TOKEN", DemoHub.DEMO_TOKEN), "demo");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out.strip()).isEqualTo(goldenHelloWorldIds());
    assertThat(run.err).contains("local hub at http://127.0.0.1:", DemoHub.REPO_ID).doesNotContain(DemoHub.DEMO_TOKEN);
  }

  @Test
  void withoutATokenItExplainsTheGateAndExitsWithTheAuthCode() {
    CliRun run = CliRun.run(Map.of(), "demo");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(run.out).isEmpty();
    assertThat(run.err)
        .contains("error: Repository '" + DemoHub.REPO_ID + "' is gated", "BA_ACCESS_TOKEN", "Request access at")
        .doesNotContain("\tat ");
  }

  @Test
  void withAWrongTokenItSaysTheTokenWasRejectedWithoutPrintingIt() {
    CliRun run = CliRun.run(Map.of("BA_ACCESS_TOKEN", "ba_wrong_token_42"), "demo");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(run.err).contains("rejected the access token from environment variable BA_ACCESS_TOKEN")
        .doesNotContain("ba_wrong_token_42");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.run(Map.of(), "demo", "--verbose");

    assertThat(run.exitCode).isEqualTo(ExitCodes.AUTH);
    assertThat(run.err).contains("GatedRepoException", "\tat ");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), "demo", "--no-such-option");

    assertThat(run.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err).contains("--no-such-option");
  }
}
