package ai.boinc.transformers.cli;

import ai.boinc.transformers.testkit.DemoHub;
import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code java -jar cli/target/ba.jar} as users run it, against a {@link LocalHub} on 127.0.0.1:
 * exit codes, standard output and error, files in the cache and the token file.
 *
 * <p>Each test has its own cache and token file, so the tests run concurrently (the JVM start of
 * each process dominates); the one that counts requests has a hub of its own.
 */
@Execution(ExecutionMode.CONCURRENT)
class BaJarIT {
  private static LocalHub hub;

  @TempDir Path work;

  @BeforeAll
  static void startHub() {
    hub = TestHubs.start();
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }

  @Test
  void theJarCarriesTheEmulatorButNoTestFramework() throws IOException {
    List<String> entries;
    try (JarFile jar = new JarFile(BaProcess.jar().toFile())) {
      entries = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
    }
    assertThat(entries).contains("ai/boinc/transformers/testkit/LocalHub.class");
    assertThat(entries).noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("org/assertj/")
        || name.startsWith("org/opentest4j/") || name.startsWith("ai/boinc/transformers/testkit/junit5/"));
  }

  private Path cache() {
    return work.resolve("cache");
  }

  private Path tokenFile() {
    return work.resolve("secrets/token");
  }

  /** The hub, the cache and the token file of this test; no token. */
  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("BA_ENDPOINT", hub.endpoint().toString());
    env.put("BA_HUB_CACHE", cache().toString());
    env.put("BA_TOKEN_PATH", tokenFile().toString());
    return env;
  }

  private BaProcess ba(Map<String, String> env, String... args) throws Exception {
    return BaProcess.run(work, env, "", args);
  }

  private BaProcess ba(String... args) throws Exception {
    return ba(env(), args);
  }

  private static void assertOneErrorLine(BaProcess run, int exitCode) {
    assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
    // One error; a "no token" error continues with one indented line per credential source.
    assertThat(run.err).as(run.toString()).startsWith("error: ").doesNotContain("\tat ");
    assertThat(run.err.lines().filter(line -> line.startsWith("error: "))).as(run.toString()).hasSize(1);
    assertThat(run.out).as(run.toString()).isEmpty();
  }

  private static void assertNoToken(BaProcess run) {
    assertThat(run.out + run.err).as(run.toString())
        .doesNotContain(TestHubs.TOKEN).doesNotContain(TestHubs.WRONG_TOKEN);
  }

  private Path snapshot() {
    return cache().resolve("models--acme--tiny/snapshots").resolve(hub.commit(TestHubs.PUBLIC));
  }

  @Test
  void demoWithTheDemoTokenPrintsTheGoldenIdsAndWithoutOneExitsWithTheAuthCode() throws Exception {
    Map<String, String> demoEnv = Map.of("BA_HUB_CACHE", cache().toString(), "BA_TOKEN_PATH", tokenFile().toString());
    Map<String, String> withToken = new HashMap<>(demoEnv);
    withToken.put("BA_ACCESS_TOKEN", DemoHub.DEMO_TOKEN);

    BaProcess ok = ba(withToken, "demo");
    BaProcess gated = ba(demoEnv, "demo");

    assertThat(ok.exitCode).as(ok.toString()).isZero();
    assertThat(ok.out.strip()).isEqualTo(DemoCommandTest.goldenHelloWorldIds());
    assertThat(ok.err).doesNotContain(DemoHub.DEMO_TOKEN);
    assertThat(gated.exitCode).as(gated.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(gated.out).isEmpty();
    assertThat(gated.err).contains("error: Repository '" + DemoHub.REPO_ID + "' is gated").doesNotContain("\tat ");
  }

  @Test
  void downloadOneFileSeveralFilesAndAFilteredSnapshot() throws Exception {
    BaProcess one = ba("download", TestHubs.PUBLIC, "config.json");
    assertThat(one.exitCode).as(one.toString()).isZero();
    assertThat(one.out).isEqualTo(snapshot().resolve("config.json") + "\n");
    assertThat(Path.of(one.lastLine())).hasContent(TestHubs.content("config.json").strip());
    assertThat(one.err).isEqualTo("downloaded config.json (" + Sizes.human(TestHubs.content("config.json").length())
        + ")\n");

    BaProcess several = ba("download", TestHubs.PUBLIC, "tokenizer.json", TestHubs.WEIGHTS, "--transport", "okhttp");
    assertThat(several.exitCode).as(several.toString()).isZero();
    assertThat(several.lastLine()).isEqualTo(snapshot().toString());
    assertThat(snapshot().resolve(TestHubs.WEIGHTS)).hasSize(TestHubs.WEIGHTS_SIZE);
    assertThat(several.err.lines()).containsExactly("downloaded tokenizer.json (27 B)",
        "downloaded weights/model.bin (300.0 kB)");

    BaProcess filtered = ba("download", TestHubs.PUBLIC, "--include", "*.json", "--include", "*.md",
        "--exclude", "tokenizer.*", "--quiet");
    assertThat(filtered.exitCode).as(filtered.toString()).isZero();
    assertThat(filtered.out).isEqualTo(snapshot() + "\n");
    assertThat(filtered.err).isEmpty();
    assertThat(Files.exists(snapshot().resolve("README.md"))).isTrue();
    assertThat(Files.exists(snapshot().resolve("onnx/model.onnx"))).isFalse();
  }

  @Test
  void afterADownloadOfflineRunsNeedNoHub() throws Exception {
    try (LocalHub own = TestHubs.start()) {
      afterADownloadOfflineRunsNeedNoHub(own);
    }
  }

  private void afterADownloadOfflineRunsNeedNoHub(LocalHub hub) throws Exception {
    Map<String, String> env = env();
    env.put("BA_ENDPOINT", hub.endpoint().toString());
    BaProcess online = ba(env, "download", TestHubs.PUBLIC, "--exclude", "weights/");
    assertThat(online.exitCode).as(online.toString()).isZero();
    assertThat(files(snapshot())).containsExactly("README.md", "config.json", "onnx/model.onnx", "tokenizer.json");

    hub.clearRequests();
    BaProcess file = ba(env, "download", TestHubs.PUBLIC, "config.json", "--offline");
    Map<String, String> offline = new HashMap<>(env);
    offline.put("BA_HUB_OFFLINE", "1");
    BaProcess folder = ba(offline, "download", TestHubs.PUBLIC, "--include", "onnx/");
    BaProcess missing = ba(env, "download", TestHubs.PUBLIC, TestHubs.WEIGHTS, "--offline");

    assertThat(file.exitCode).as(file.toString()).isZero();
    assertThat(file.out).isEqualTo(snapshot().resolve("config.json") + "\n");
    assertThat(file.err).startsWith("cached config.json");
    assertThat(folder.exitCode).as(folder.toString()).isZero();
    assertThat(folder.lastLine()).isEqualTo(snapshot().toString());
    assertOneErrorLine(missing, ExitCodes.NETWORK);
    assertThat(missing.err).contains("Offline mode is on", TestHubs.WEIGHTS);
    assertThat(hub.requests()).isEmpty();
  }

  @Test
  void retriesShowOnStderrAndAWrongEndpointPathIsNotFound() throws Exception {
    Map<String, String> unreachable = env();
    unreachable.put("BA_ENDPOINT", "http://127.0.0.1:" + closedPort());
    Map<String, String> wrongPath = env();
    wrongPath.put("BA_ENDPOINT", hub.endpoint() + "/hf");

    BaProcess down = ba(unreachable, "download", TestHubs.PUBLIC, "config.json", "--retries", "1");
    BaProcess notAHub = ba(wrongPath, "download", TestHubs.PUBLIC, "config.json");

    assertThat(down.exitCode).as(down.toString()).isEqualTo(ExitCodes.NETWORK);
    assertThat(down.err.lines()).as(down.toString()).hasSize(2);
    assertThat(down.err.lines().findFirst().orElseThrow())
        .matches("retrying in [0-9.]+ m?s \\(connection refused\\): 'config.json' of model .*, attempt 2 of 2");
    assertThat(down.err).contains("error: Cannot reach the hub at http://127.0.0.1:", ": connection refused.");
    assertOneErrorLine(notAHub, ExitCodes.NOT_FOUND);
    assertThat(notAHub.err).contains("BA_ENDPOINT probably does not point at a hub");
  }

  @Test
  void downloadFailuresPrintOneLineAndTheirExitCode() throws Exception {
    Map<String, String> unreachable = env();
    unreachable.put("BA_ENDPOINT", "http://127.0.0.1:" + closedPort());

    BaProcess missingFile = ba("download", TestHubs.PUBLIC, "nope.json");
    BaProcess missingRevision = ba("download", TestHubs.PUBLIC, "config.json", "--revision", "v9");
    BaProcess down = ba(unreachable, "download", TestHubs.PUBLIC, "config.json", "--retries", "0");
    BaProcess gated = ba("download", TestHubs.GATED, "config.json");
    BaProcess badId = ba("download", "acme/bad--id", "config.json");
    BaProcess badRevision = ba("download", TestHubs.PUBLIC, "--revision", "main/../..");
    BaProcess unknownOption = ba("download", TestHubs.PUBLIC, "--revison", "v1");

    assertOneErrorLine(missingFile, ExitCodes.NOT_FOUND);
    assertThat(missingFile.err).contains("nope.json");
    assertOneErrorLine(missingRevision, ExitCodes.NOT_FOUND);
    assertThat(missingRevision.err).contains("v9");
    assertOneErrorLine(down, ExitCodes.NETWORK);
    assertThat(down.err).contains("Cannot reach the hub", "connection refused", "BA_ENDPOINT");
    assertOneErrorLine(gated, ExitCodes.AUTH);
    assertThat(gated.err).contains(TestHubs.GATED, "BA_ACCESS_TOKEN");
    assertOneErrorLine(badId, ExitCodes.USAGE);
    assertThat(badId.err).contains("invalid repository id 'acme/bad--id'");
    assertOneErrorLine(badRevision, ExitCodes.USAGE);
    assertOneErrorLine(unknownOption, ExitCodes.USAGE);
    assertThat(unknownOption.err).contains("--revison", "did you mean --revision", "ba download --help");
  }

  @Test
  void anUnwritableCacheIsAnIoError() throws Exception {
    Path notAFolder = Files.writeString(work.resolve("plain-file"), "x");
    Map<String, String> env = env();
    env.put("BA_HUB_CACHE", notAFolder.resolve("cache").toString());

    BaProcess run = ba(env, "download", TestHubs.PUBLIC, "config.json");

    assertOneErrorLine(run, ExitCodes.IO);
    assertThat(run.err).contains(notAFolder.toString());
  }

  @Test
  void loginFromStdinThenWhoamiThenLogout() throws Exception {
    BaProcess login = BaProcess.run(work, env(), TestHubs.TOKEN + "\n", "login");
    assertThat(login.exitCode).as(login.toString()).isZero();
    assertThat(login.out).isEqualTo("Logged in as alice (token 'alice-token-1', role read); token saved to "
        + tokenFile() + "\n");
    assertThat(Files.readString(tokenFile())).isEqualTo(TestHubs.TOKEN + "\n");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile()))).isEqualTo("rw-------");
    }

    BaProcess whoami = ba("whoami");
    assertThat(whoami.exitCode).as(whoami.toString()).isZero();
    assertThat(whoami.out).contains("Logged in as alice", "Token from: file " + tokenFile());

    BaProcess gated = ba("download", TestHubs.GATED, "config.json", "--quiet");
    assertThat(gated.exitCode).as(gated.toString()).isZero();

    BaProcess logout = ba("logout");
    assertThat(logout.exitCode).as(logout.toString()).isZero();
    assertThat(logout.out).isEqualTo("Logged out: deleted the token file " + tokenFile() + "\n");
    assertThat(tokenFile()).doesNotExist();

    BaProcess notLoggedIn = ba("whoami");
    assertOneErrorLine(notLoggedIn, ExitCodes.AUTH);
    assertThat(notLoggedIn.err).contains("Not logged in", "environment variable BA_ACCESS_TOKEN",
        "file " + tokenFile(), "ba login");

    for (BaProcess run : List.of(login, whoami, gated, logout, notLoggedIn)) {
      assertNoToken(run);
    }
  }

  @Test
  void aRejectedTokenIsNeitherStoredNorPrinted() throws Exception {
    BaProcess login = BaProcess.run(work, env(), TestHubs.WRONG_TOKEN + "\n", "login", "--token-stdin");
    BaProcess verbose = BaProcess.run(work, env(), TestHubs.WRONG_TOKEN + "\n", "login", "--verbose");
    Map<String, String> wrongInEnvironment = env();
    wrongInEnvironment.put("BA_ACCESS_TOKEN", TestHubs.WRONG_TOKEN);
    BaProcess whoami = ba(wrongInEnvironment, "whoami", "--verbose");
    BaProcess download = ba(wrongInEnvironment, "download", TestHubs.PUBLIC, "config.json", "--verbose");

    assertOneErrorLine(login, ExitCodes.AUTH);
    assertThat(login.err).contains("Nothing was saved");
    assertThat(verbose.exitCode).isEqualTo(ExitCodes.AUTH);
    assertThat(verbose.err).contains("InvalidTokenException", "\tat ");
    assertThat(whoami.exitCode).isEqualTo(ExitCodes.AUTH);
    assertThat(whoami.err).contains("environment variable BA_ACCESS_TOKEN", "\tat ");
    assertThat(download.exitCode).isEqualTo(ExitCodes.AUTH);
    assertThat(download.err).contains("\tat ");
    assertThat(tokenFile()).doesNotExist();
    assertThat(tokenFile().getParent()).doesNotExist();
    for (BaProcess run : List.of(login, verbose, whoami, download)) {
      assertNoToken(run);
    }
  }

  @Test
  void tokenizeAndCacheList() throws Exception {
    Path tokenizer = CliFixtures.root().resolve("tokenizers/llama-2");
    BaProcess tokenize = ba("tokenize", "--tokenizer", tokenizer.toString(), "--text", "Hello world!");
    BaProcess json = ba("tokenize", "--tokenizer", tokenizer.toString(), "--text", "Hello world!", "--json");
    assertThat(tokenize.exitCode).as(tokenize.toString()).isZero();
    assertThat(tokenize.out).contains("▁world", "[5, 11)");
    assertThat(json.out.strip()).isEqualTo(
        Files.readAllLines(CliFixtures.root().resolve("golden/llama-2.jsonl")).get(0));

    assertThat(ba("download", TestHubs.PUBLIC, "config.json", "-q").exitCode).isZero();
    BaProcess list = ba("cache", "list");
    assertThat(list.exitCode).as(list.toString()).isZero();
    assertThat(list.out).contains(TestHubs.PUBLIC, "model", hub.commit(TestHubs.PUBLIC).substring(0, 12), "main",
        "Total:");
  }

  @Test
  void everyCommandHasHelpAndTheVersionIsShown() throws Exception {
    String[][] commands = {
      {}, {"login"}, {"logout"}, {"whoami"}, {"download"}, {"tokenize"}, {"cache"}, {"cache", "list"},
      {"cache", "prune"}, {"demo"}
    };
    for (String[] command : commands) {
      String[] args = Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new);
      BaProcess help = ba(args);
      assertThat(help.exitCode).as(help.toString()).isZero();
      assertThat(help.out).as(help.toString())
          .startsWith("Usage: ba" + (command.length == 0 ? "" : " " + String.join(" ", command)))
          .contains("Exit codes:", "2   usage error", "3   authentication", "4   repository", "5   hub unreachable");
      assertThat(help.err).isEmpty();
    }
    BaProcess version = ba("--version");
    assertThat(version.exitCode).isZero();
    assertThat(version.out).startsWith("ba ").contains("transformers-java", "Java");
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> !Files.isDirectory(p)).map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted().collect(Collectors.toList());
    }
  }

  /** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
