package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.LocalHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadCommandTest {
  private static final String CONFIG_SIZE = Sizes.human(TestHubs.content("config.json").length());
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

  private Map<String, String> envWithToken() {
    Map<String, String> env = env();
    env.put("BA_ACCESS_TOKEN", TestHubs.TOKEN);
    return env;
  }

  private Path snapshot(String repoFolder) {
    return temp.resolve("cache").resolve(repoFolder).resolve("snapshots").resolve(hub.commit(TestHubs.PUBLIC));
  }

  @Test
  void oneFilePrintsItsPathLastAndOneLinePerFile() throws Exception {
    CliRun run = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    Path file = Path.of(run.lastLine());
    assertThat(file).isEqualTo(snapshot("models--acme--tiny").resolve("config.json"));
    assertThat(Files.readString(file)).isEqualTo(TestHubs.content("config.json"));
    assertThat(run.err).isEqualTo("downloaded config.json (" + Sizes.human(Files.size(file)) + ")\n");

    CliRun again = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json");
    assertThat(again.lastLine()).isEqualTo(run.lastLine());
    assertThat(again.err).startsWith("cached config.json (");
  }

  @Test
  void severalFilesPrintTheSnapshotFolder() {
    CliRun run = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json", "onnx/model.onnx", TestHubs.WEIGHTS);

    assertThat(run.exitCode).as(run.toString()).isZero();
    Path folder = Path.of(run.lastLine());
    assertThat(folder).isEqualTo(snapshot("models--acme--tiny"));
    assertThat(folder.resolve("config.json")).exists();
    assertThat(folder.resolve("onnx/model.onnx")).hasContent("onnx");
    assertThat(folder.resolve(TestHubs.WEIGHTS)).hasSize(TestHubs.WEIGHTS_SIZE);
    assertThat(folder.resolve("README.md")).doesNotExist();
    assertThat(run.err.lines()).containsExactly("downloaded config.json (" + CONFIG_SIZE + ")", "downloaded onnx/model.onnx (4 B)",
        "downloaded weights/model.bin (300.0 kB)");
  }

  @Test
  void aSnapshotHonoursIncludeAndExclude() throws Exception {
    CliRun run = CliRun.run(env(), "download", TestHubs.PUBLIC, "--include", "*.json", "--include", "onnx/",
        "--exclude", "tokenizer*");

    assertThat(run.exitCode).as(run.toString()).isZero();
    Path folder = Path.of(run.lastLine());
    assertThat(folder).isEqualTo(snapshot("models--acme--tiny"));
    assertThat(files(folder)).containsExactly("config.json", "onnx/model.onnx");
    assertThat(run.err.lines()).containsExactlyInAnyOrder("downloaded config.json (" + CONFIG_SIZE + ")",
        "downloaded onnx/model.onnx (4 B)");
  }

  @Test
  void aWholeSnapshotThenOfflineUsesTheCacheAlone() throws Exception {
    CliRun online = CliRun.run(env(), "download", TestHubs.PUBLIC, "--quiet");
    assertThat(online.exitCode).as(online.toString()).isZero();
    assertThat(online.out).isEqualTo(snapshot("models--acme--tiny") + "\n");
    assertThat(online.err).isEmpty();
    assertThat(files(Path.of(online.lastLine())))
        .containsExactly("README.md", "config.json", "onnx/model.onnx", "tokenizer.json", TestHubs.WEIGHTS);

    hub.clearRequests();
    CliRun file = CliRun.run(env(), "download", TestHubs.PUBLIC, "tokenizer.json", "--offline");
    CliRun folder = CliRun.run(env(), "download", TestHubs.PUBLIC, "--offline", "--include", "*.md");
    Map<String, String> offlineEnv = env();
    offlineEnv.put("BA_HUB_OFFLINE", "1");
    CliRun byEnvironment = CliRun.run(offlineEnv, "download", TestHubs.PUBLIC, "config.json", "README.md");

    assertThat(file.exitCode).as(file.toString()).isZero();
    assertThat(file.lastLine()).isEqualTo(snapshot("models--acme--tiny").resolve("tokenizer.json").toString());
    assertThat(folder.exitCode).as(folder.toString()).isZero();
    assertThat(folder.lastLine()).isEqualTo(snapshot("models--acme--tiny").toString());
    assertThat(byEnvironment.exitCode).as(byEnvironment.toString()).isZero();
    assertThat(byEnvironment.err.lines()).containsExactly("cached config.json (" + CONFIG_SIZE + ")", "cached README.md (7 B)");
    assertThat(hub.requests()).isEmpty();
  }

  @Test
  void offlineWithoutACachedCopyIsANetworkError() {
    CliRun run = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json", "--offline");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.NETWORK);
    assertThat(run.err).startsWith("error: Offline mode is on").hasLineCount(1);
  }

  @Test
  void theGatedAndPrivateRepositoriesNeedTheToken() throws Exception {
    CliRun gated = CliRun.run(env(), "download", TestHubs.GATED, "config.json");
    CliRun hidden = CliRun.run(env(), "download", TestHubs.PRIVATE, "config.json");
    CliRun wrong = CliRun.run(Map.of("BA_ENDPOINT", hub.endpoint().toString(), "BA_ACCESS_TOKEN", TestHubs.WRONG_TOKEN,
        "BA_HUB_CACHE", temp.resolve("cache").toString()), "download", TestHubs.GATED, "config.json", "--verbose");
    CliRun allowed = CliRun.run(envWithToken(), "download", TestHubs.GATED, "config.json");

    assertThat(gated.exitCode).as(gated.toString()).isEqualTo(ExitCodes.AUTH);
    // The error, the next step, then one line per credential source that was asked.
    assertThat(gated.err).contains("gated", "BA_ACCESS_TOKEN", "`ba login`")
        .endsWith("looked in:\n  - environment variable BA_ACCESS_TOKEN\n  - file " + temp.resolve("token")
            + "\n  - HashiCorp Vault (not configured)\n");
    assertThat(hidden.exitCode).as(hidden.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(hidden.err.lines().filter(line -> line.startsWith("error: "))).hasSize(1);
    assertThat(wrong.exitCode).as(wrong.toString()).isEqualTo(ExitCodes.AUTH);
    assertThat(wrong.err).contains("rejected", "\tat ").doesNotContain(TestHubs.WRONG_TOKEN);
    assertThat(allowed.exitCode).as(allowed.toString()).isZero();
    assertThat(Path.of(allowed.lastLine())).hasContent(TestHubs.content("gated config.json").strip());
    assertThat(allowed.out + allowed.err).doesNotContain(TestHubs.TOKEN);
  }

  @Test
  void aDatasetNeedsItsRepoType() {
    CliRun asModel = CliRun.run(env(), "download", TestHubs.DATASET, "train.csv");
    CliRun asDataset = CliRun.run(env(), "download", TestHubs.DATASET, "train.csv", "--repo-type", "dataset");
    CliRun badType = CliRun.run(env(), "download", TestHubs.DATASET, "train.csv", "--repo-type", "notebook");

    assertThat(asModel.exitCode).as(asModel.toString()).isIn(ExitCodes.AUTH, ExitCodes.NOT_FOUND);
    assertThat(asDataset.exitCode).as(asDataset.toString()).isZero();
    assertThat(asDataset.lastLine()).contains("datasets--acme--rows").endsWith("train.csv");
    assertThat(badType.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(badType.err).contains("notebook", "model, dataset or space").hasLineCount(1);
  }

  @Test
  void missingThingsAreNotFound() {
    CliRun file = CliRun.run(env(), "download", TestHubs.PUBLIC, "nope.json");
    CliRun revision = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json", "--revision", "v9");
    CliRun snapshot = CliRun.run(env(), "download", TestHubs.PUBLIC, "--revision", "v9");

    assertThat(file.exitCode).as(file.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(file.err).contains("nope.json").hasLineCount(1);
    assertThat(revision.exitCode).as(revision.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(revision.err).contains("v9").hasLineCount(1);
    assertThat(snapshot.exitCode).as(snapshot.toString()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void badInputIsAUsageErrorOnOneLine() {
    CliRun repoId = CliRun.run(env(), "download", "acme//tiny", "config.json");
    CliRun snapshotRepoId = CliRun.run(env(), "download", "-bad-");
    CliRun revision = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json", "--revision", "../main");
    CliRun path = CliRun.run(env(), "download", TestHubs.PUBLIC, "../config.json");
    CliRun both = CliRun.run(env(), "download", TestHubs.PUBLIC, "config.json", "--include", "*.json");
    CliRun noRepo = CliRun.run(env(), "download");
    CliRun endpoint = CliRun.run(env(), "download", TestHubs.PUBLIC, "--endpoint", "ftp://example.com");
    CliRun transport = CliRun.run(env(), "download", TestHubs.PUBLIC, "--transport", "curl");

    for (CliRun run : new CliRun[] {repoId, snapshotRepoId, revision, path, both, noRepo, endpoint, transport}) {
      assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err).as(run.toString()).startsWith("error: ").hasLineCount(1).doesNotContain("\tat ");
      assertThat(run.out).isEmpty();
    }
    assertThat(repoId.err).contains("invalid repository id 'acme//tiny'", "e.g.");
    assertThat(revision.err).contains("invalid revision '../main'");
    assertThat(both.err).contains("FILEs or patterns, not both", "ba download --help");
    assertThat(transport.err).contains("jdk, okhttp");
  }

  @Test
  void anUnreachableHubIsANetworkError() {
    Map<String, String> env = env();
    env.put("BA_ENDPOINT", "http://127.0.0.1:9");

    CliRun run = CliRun.run(env, "download", TestHubs.PUBLIC, "config.json", "--retries", "0");
    CliRun snapshot = CliRun.run(env, "download", TestHubs.PUBLIC, "--retries", "0", "--verbose");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.NETWORK);
    assertThat(run.err).contains("Cannot reach the hub at http://127.0.0.1:9: connection refused", "BA_ENDPOINT").hasLineCount(1);
    assertThat(snapshot.exitCode).as(snapshot.toString()).isEqualTo(ExitCodes.NETWORK);
    assertThat(snapshot.err).contains("HubUnreachableException", "\tat ");
  }

  @Test
  void anUnwritableCacheSaysSo() throws Exception {
    Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
    Map<String, String> env = env();
    env.put("BA_HUB_CACHE", notAFolder.resolve("cache").toString());

    CliRun file = CliRun.run(env, "download", TestHubs.PUBLIC, "config.json");
    CliRun snapshot = CliRun.run(env, "download", TestHubs.PUBLIC);

    assertThat(file.exitCode).as(file.toString()).isEqualTo(ExitCodes.IO);
    assertThat(file.err).contains(notAFolder.toString()).hasLineCount(1);
    assertThat(snapshot.exitCode).as(snapshot.toString()).isEqualTo(ExitCodes.IO);
  }

  @Test
  void onATerminalItDrawsAProgressBarAndClearsItBeforeThePath() {
    CliRun run = CliRun.run(env(), "", FakeTerminal.withoutInput(), "download", TestHubs.PUBLIC, TestHubs.WEIGHTS);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err).contains("\rweights/model.bin ", "] ", "/300.0 kB", "\n");
    assertThat(run.err).containsPattern("\r +\rdownloaded weights/model.bin \\(300\\.0 kB(, [0-9.]+ [kMG]?B/s)?\\)\n$");
    assertThat(run.out).isEqualTo(snapshot("models--acme--tiny").resolve(TestHubs.WEIGHTS) + "\n");
  }

  @Test
  void helpListsTheOptionsAndExitCodes() {
    CliRun run = CliRun.run(env(), "download", "--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("REPO [FILE...]", "--revision", "--include", "--exclude", "--repo-type", "--quiet",
        "--endpoint", "--token-source", "--transport", "--offline", "Exit codes:", "4   repository, revision or file");
  }

  private static java.util.List<String> files(Path folder) throws Exception {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> !Files.isDirectory(p)).map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .sorted().collect(Collectors.toList());
    }
  }

  /** A terminal for tests: interactive, 80 columns, and a secret to type at a prompt. */
  static final class FakeTerminal implements Terminal {
    private final String secret;
    String prompt;

    private FakeTerminal(String secret) {
      this.secret = secret;
    }

    static FakeTerminal withoutInput() {
      return new FakeTerminal(null);
    }

    static FakeTerminal typing(String secret) {
      return new FakeTerminal(secret);
    }

    @Override
    public boolean isInteractive() {
      return true;
    }

    @Override
    public Optional<char[]> readSecret(String prompt) {
      this.prompt = prompt;
      return Optional.ofNullable(secret).map(String::toCharArray);
    }

    @Override
    public int width() {
      return 80;
    }
  }
}
