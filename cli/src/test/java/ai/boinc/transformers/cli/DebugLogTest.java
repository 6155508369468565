package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.junit5.LocalHubExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DebugLogTest {
  @RegisterExtension static final LocalHubExtension HUB = TestHubs.extension();

  @TempDir Path temp;

  private Map<String, String> env() {
    Map<String, String> env = TestHubs.env(HUB.get(), temp.resolve("cache"), temp.resolve("token"));
    env.put("BA_ACCESS_TOKEN", TestHubs.TOKEN);
    return env;
  }

  @Test
  void debugOptionLogsEveryRequestOfTheCommandOnStandardErrorWithoutTheToken() {
    CliRun run = CliRun.run(env(), "download", TestHubs.GATED, "config.json", "--debug");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("debug: hub HEAD " + HUB.get().endpoint() + "/" + TestHubs.GATED + "/resolve/main/config.json -> 200")
        .contains("debug: hub GET " + HUB.get().endpoint() + "/" + TestHubs.GATED + "/resolve/main/config.json -> 200")
        .containsPattern("-> 200, \\d+ bytes in \\d+ ms, attempt 1")
        .doesNotContain(TestHubs.TOKEN, "Authorization");
    assertThat(run.out).doesNotContain("debug:");
  }

  @Test
  void baLogDebugDoesTheSameForCommandsWithoutTheOption() {
    Map<String, String> env = env();
    env.put("BA_LOG", "debug");

    CliRun run = CliRun.run(env, "whoami");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("debug: hub GET " + HUB.get().endpoint() + "/api/whoami-v2 -> 200")
        .doesNotContain(TestHubs.TOKEN);
  }

  @Test
  void debugOptionIsAcceptedAfterAnyCommandAndBeforeIt() {
    assertThat(CliRun.run(env(), "--debug", "whoami").err).contains("debug: hub GET ");
    assertThat(CliRun.run(env(), "cache", "list", "--debug").exitCode).isZero();
  }

  @Test
  void withoutEitherNothingIsLoggedAndOneRunDoesNotLeakIntoTheNext() {
    CliRun debug = CliRun.run(env(), "whoami", "--debug");
    CliRun quiet = CliRun.run(env(), "whoami");

    assertThat(debug.err).contains("debug: ");
    assertThat(quiet.exitCode).as(quiet.toString()).isZero();
    assertThat(quiet.err).doesNotContain("debug:");
  }
}
