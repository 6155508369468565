package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that fetches from the hub, given a bad repo id, a bad or unknown revision, an
 * unreachable hub, a missing or rejected token or an unwritable cache: one line, the documented
 * exit code, no stack trace, no token.
 */
class BadInputTest {
  private static LocalHub hub;

  @TempDir Path temp;

  @BeforeAll
  static void startHub() {
    hub = TestHubs.start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  private Map<String, String> env() {
    return TestHubs.env(hub, temp.resolve("cache"), temp.resolve("token"));
  }

  private static String[] args(String command, String repo, String... extra) {
    String[] base = command.equals("download")
        ? new String[] {"download", repo, "tokenizer.json"}
        : new String[] {"tokenize", "--repo", repo, "--text", "hi"};
    return Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
  }

  private static void assertOneLine(CliRun run, int exitCode, String... contains) {
    assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    // One error; a "no token" error continues with one indented line per credential source.
    assertThat(run.err.lines().filter(line -> line.startsWith("error: "))).as(run.toString()).hasSize(1);
    assertThat(run.err).as(run.toString()).startsWith("error: ").doesNotContain("\tat ")
        .contains(contains).doesNotContain(TestHubs.TOKEN).doesNotContain(TestHubs.WRONG_TOKEN);
    assertThat(run.out).as(run.toString()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"download", "tokenize"})
  void aBadRepoIdOrRevisionIsAUsageError(String command) {
    assertOneLine(CliRun.run(env(), args(command, "acme//tiny")), ExitCodes.USAGE, "invalid repository id");
    assertOneLine(CliRun.run(env(), args(command, "acme/tiny.")), ExitCodes.USAGE, "invalid repository id");
    assertOneLine(CliRun.run(env(), args(command, TestHubs.PUBLIC, "--revision", "../x")), ExitCodes.USAGE,
        "invalid revision");
  }

  @ParameterizedTest
  @ValueSource(strings = {"download", "tokenize"})
  void anUnknownRepoOrRevisionIsNotFound(String command) {
    assertOneLine(CliRun.run(env(), args(command, TestHubs.PUBLIC, "--revision", "v9")), ExitCodes.NOT_FOUND, "v9");
    Map<String, String> withToken = env();
    withToken.put("BA_ACCESS_TOKEN", TestHubs.TOKEN);
    assertOneLine(CliRun.run(withToken, args(command, "acme/nothing-here")), ExitCodes.NOT_FOUND, "acme/nothing-here");
  }

  @ParameterizedTest
  @ValueSource(strings = {"download", "tokenize"})
  void anUnreachableHubIsANetworkError(String command) throws IOException {
    Map<String, String> env = env();
    env.put("BA_ENDPOINT", "http://127.0.0.1:" + closedPort());
    assertOneLine(CliRun.run(env, args(command, TestHubs.PUBLIC, "--retries", "0")), ExitCodes.NETWORK,
        "Cannot reach the hub", "connection refused");
  }

  @ParameterizedTest
  @ValueSource(strings = {"download", "tokenize"})
  void aMissingOrRejectedTokenIsAnAuthError(String command) {
    assertOneLine(CliRun.run(env(), args(command, TestHubs.GATED)), ExitCodes.AUTH, TestHubs.GATED);
    assertOneLine(CliRun.run(env(), args(command, TestHubs.PRIVATE)), ExitCodes.AUTH, TestHubs.PRIVATE);
    Map<String, String> wrong = env();
    wrong.put("BA_ACCESS_TOKEN", TestHubs.WRONG_TOKEN);
    assertOneLine(CliRun.run(wrong, args(command, TestHubs.PUBLIC)), ExitCodes.AUTH,
        "environment variable BA_ACCESS_TOKEN");
    CliRun verbose = CliRun.run(wrong, args(command, TestHubs.PUBLIC, "--verbose"));
    assertThat(verbose.err).contains("\tat ").doesNotContain(TestHubs.WRONG_TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"download", "tokenize"})
  void anUnwritableCacheIsAnIoError(String command) throws IOException {
    Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
    Map<String, String> env = env();
    env.put("BA_HUB_CACHE", notAFolder.resolve("cache").toString());
    assertOneLine(CliRun.run(env, args(command, TestHubs.PUBLIC)), ExitCodes.IO, notAFolder.toString());
  }

  /** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
