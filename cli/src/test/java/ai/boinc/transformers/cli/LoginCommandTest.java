package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.cli.DownloadCommandTest.FakeTerminal;
import ai.boinc.transformers.testkit.LocalHub;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ba login}, {@code ba whoami} and {@code ba logout}, in process. */
class LoginCommandTest {
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

  private Path tokenFile() {
    return temp.resolve("home/token");
  }

  private Map<String, String> env() {
    return TestHubs.env(hub, temp.resolve("cache"), tokenFile());
  }

  private static void assertNoToken(CliRun run) {
    assertThat(run.out + run.err).doesNotContain(TestHubs.TOKEN).doesNotContain(TestHubs.WRONG_TOKEN);
  }

  @Test
  void loginFromStdinStoresTheTokenForOwnerOnlyThenWhoamiAndLogout() throws Exception {
    CliRun login = CliRun.run(env(), TestHubs.TOKEN + "\n", Terminal.none(), "login");

    assertThat(login.exitCode).as(login.toString()).isZero();
    assertThat(login.out).isEqualTo("Logged in as alice (token 'alice-token-1', role read); token saved to "
        + tokenFile() + "\n");
    assertThat(login.err).isEmpty();
    assertThat(tokenFile()).hasContent(TestHubs.TOKEN);
    assertThat(Files.readString(tokenFile())).isEqualTo(TestHubs.TOKEN + "\n");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile()))).isEqualTo("rw-------");
    }

    CliRun whoami = CliRun.run(env(), "whoami");
    assertThat(whoami.exitCode).as(whoami.toString()).isZero();
    assertThat(whoami.out).isEqualTo("Logged in as alice (token 'alice-token-1', role read) at " + hub.endpoint()
        + "\nToken from: file " + tokenFile() + "\n");

    CliRun download = CliRun.run(env(), "download", TestHubs.GATED, "config.json", "--token-source", "file");
    assertThat(download.exitCode).as(download.toString()).isZero();

    CliRun logout = CliRun.run(env(), "logout");
    assertThat(logout.out).isEqualTo("Logged out: deleted the token file " + tokenFile() + "\n");
    assertThat(tokenFile()).doesNotExist();
    CliRun again = CliRun.run(env(), "logout");
    assertThat(again.exitCode).isZero();
    assertThat(again.out).isEqualTo("Not logged in: there was no token file at " + tokenFile() + "\n");

    CliRun gone = CliRun.run(env(), "whoami");
    assertThat(gone.exitCode).as(gone.toString()).isEqualTo(ExitCodes.AUTH);
    for (CliRun run : new CliRun[] {login, whoami, download, logout, again, gone}) {
      assertNoToken(run);
    }
  }

  @Test
  void onATerminalTheTokenIsReadWithoutEcho() {
    FakeTerminal terminal = FakeTerminal.typing(TestHubs.TOKEN);
    CliRun login = CliRun.run(env(), "", terminal, "login");

    assertThat(login.exitCode).as(login.toString()).isZero();
    assertThat(terminal.prompt).contains("hidden");
    assertThat(tokenFile()).hasContent(TestHubs.TOKEN);
    assertNoToken(login);
  }

  @Test
  void tokenStdinReadsStandardInputEvenOnATerminal() {
    FakeTerminal terminal = FakeTerminal.typing(TestHubs.WRONG_TOKEN);
    CliRun login = CliRun.run(env(), TestHubs.TOKEN + "\r\n", terminal, "login", "--token-stdin");

    assertThat(login.exitCode).as(login.toString()).isZero();
    assertThat(terminal.prompt).isNull();
    assertThat(tokenFile()).hasContent(TestHubs.TOKEN);
  }

  @Test
  void aRejectedTokenIsNotStoredNorPrintedEvenVerbose() throws Exception {
    Files.createDirectories(tokenFile().getParent());
    CliRun login = CliRun.run(env(), TestHubs.WRONG_TOKEN + "\n", Terminal.none(), "login");
    CliRun verbose = CliRun.run(env(), TestHubs.WRONG_TOKEN + "\n", Terminal.none(), "login", "--verbose");

    assertThat(login.exitCode).as(login.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(login.out).isEmpty();
    assertThat(login.err).startsWith("error: ").contains("ba login", "Nothing was saved").hasLineCount(1);
    assertThat(verbose.exitCode).isEqualTo(ExitCodes.AUTH);
    assertThat(verbose.err).contains("InvalidTokenException", "\tat ");
    assertThat(tokenFile()).doesNotExist();
    try (var files = Files.list(tokenFile().getParent())) {
      assertThat(files).isEmpty();
    }
    assertNoToken(login);
    assertNoToken(verbose);
  }

  @Test
  void noTokenOrAMalformedOneIsAUsageError() {
    CliRun empty = CliRun.run(env(), "", Terminal.none(), "login");
    CliRun blank = CliRun.run(env(), "\n", Terminal.none(), "login");
    CliRun spaced = CliRun.run(env(), "ba_two words\n", Terminal.none(), "login");
    CliRun closedTerminal = CliRun.run(env(), "", FakeTerminal.withoutInput(), "login");

    for (CliRun run : new CliRun[] {empty, blank, spaced, closedTerminal}) {
      assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err).startsWith("error: ").hasLineCount(1);
    }
    assertThat(empty.err).contains("--token-stdin");
    assertThat(spaced.err).doesNotContain("two words");
    assertThat(tokenFile()).doesNotExist();
  }

  @Test
  void loginNeedsTheHub() {
    Map<String, String> offline = env();
    offline.put("BA_HUB_OFFLINE", "1");
    Map<String, String> unreachable = env();
    unreachable.put("BA_ENDPOINT", "http://127.0.0.1:9");

    CliRun whileOffline = CliRun.run(offline, TestHubs.TOKEN + "\n", Terminal.none(), "login");
    CliRun down = CliRun.run(unreachable, TestHubs.TOKEN + "\n", Terminal.none(), "login", "--retries", "0");

    assertThat(whileOffline.exitCode).as(whileOffline.toString()).isEqualTo(ExitCodes.NETWORK);
    assertThat(whileOffline.err).contains("BA_HUB_OFFLINE").hasLineCount(1);
    assertThat(down.exitCode).as(down.toString()).isEqualTo(ExitCodes.NETWORK);
    assertThat(down.err).contains("127.0.0.1:9").hasLineCount(1);
    assertThat(tokenFile()).doesNotExist();
    assertNoToken(whileOffline);
    assertNoToken(down);
  }

  @Test
  void anUnwritableTokenFileIsAnIoError() throws Exception {
    Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
    Map<String, String> env = env();
    env.put("BA_TOKEN_PATH", notAFolder.resolve("token").toString());

    CliRun login = CliRun.run(env, TestHubs.TOKEN + "\n", Terminal.none(), "login");

    assertThat(login.exitCode).as(login.toString()).isEqualTo(ExitCodes.IO);
    assertThat(login.err).contains(notAFolder.resolve("token").toString(), "BA_TOKEN_PATH").hasLineCount(1);
    assertNoToken(login);
  }

  @Test
  void aTokenInTheEnvironmentWinsAndLoginSaysSo() {
    Map<String, String> env = env();
    env.put("BA_ACCESS_TOKEN", TestHubs.TOKEN);

    CliRun whoami = CliRun.run(env, "whoami");
    CliRun login = CliRun.run(env, TestHubs.TOKEN + "\n", Terminal.none(), "login");
    CliRun logout = CliRun.run(env, "logout");

    assertThat(whoami.exitCode).as(whoami.toString()).isZero();
    assertThat(whoami.out).contains("Logged in as alice", "Token from: environment variable BA_ACCESS_TOKEN");
    assertThat(login.err).contains("note: BA_ACCESS_TOKEN is set");
    assertThat(logout.err).contains("note: BA_ACCESS_TOKEN is still set");
    assertNoToken(whoami);
    assertNoToken(login);
  }

  @Test
  void whoamiWithoutATokenNamesTheSourcesTried() {
    CliRun run = CliRun.run(env(), "whoami");
    CliRun none = CliRun.run(env(), "whoami", "--token-source", "none");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(run.err).startsWith("error: Not logged in").contains("environment variable BA_ACCESS_TOKEN",
        "\n  - file " + tokenFile() + "\n", "ba login").hasLineCount(4);
    assertThat(none.exitCode).isEqualTo(ExitCodes.AUTH);
  }

  @Test
  void whoamiWithARejectedTokenSaysWhereItCameFrom() throws Exception {
    Files.createDirectories(tokenFile().getParent());
    Files.writeString(tokenFile(), TestHubs.WRONG_TOKEN + "\n");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tokenFile(), PosixFilePermissions.fromString("rw-------"));
    }

    CliRun run = CliRun.run(env(), "whoami", "--verbose");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(run.err.lines().findFirst().orElseThrow()).contains("file " + tokenFile(), "ba login");
    assertNoToken(run);
  }

  @Test
  void whoamiOfflineOnlySaysWhereTheTokenIs() {
    Map<String, String> env = env();
    env.put("BA_ACCESS_TOKEN", TestHubs.TOKEN);
    env.put("BA_ENDPOINT", "http://127.0.0.1:9");

    CliRun run = CliRun.run(env, "whoami", "--offline");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("not asked", "environment variable BA_ACCESS_TOKEN");
  }

  @Test
  void everyAccountCommandHasHelp() {
    for (String command : new String[] {"login", "logout", "whoami"}) {
      CliRun run = CliRun.run(env(), command, "--help");
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out).contains("Usage: ba " + command, "Exit codes:", "3   authentication");
    }
    assertThat(CliRun.run(env(), "login", "--help").out).contains("--token-stdin", "--endpoint", "--transport");
    assertThat(CliRun.run(env(), "whoami", "--help").out).contains("--token-source", "--offline");
  }
}
