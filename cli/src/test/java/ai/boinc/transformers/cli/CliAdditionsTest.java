package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.junit5.LocalHubExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code download --local-dir}, {@code --token} and {@code ba env}. */
class CliAdditionsTest {
  @RegisterExtension static final LocalHubExtension HUB = TestHubs.extension();

  @TempDir Path temp;

  private Map<String, String> env() {
    return TestHubs.env(HUB.get(), temp.resolve("cache"), temp.resolve("token"));
  }

  @Test
  void localDirHoldsTheFilesAtTheirRepoPathsWithHuggingfaceHubsMetadata() throws Exception {
    Path dir = temp.resolve("tiny");
    long before = System.currentTimeMillis() / 1000;

    CliRun run = CliRun.run(env(), "download", TestHubs.PUBLIC, "--include", "*.json", "--include", "onnx/",
        "--local-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.lastLine()).isEqualTo(dir.toAbsolutePath().toString());
    assertThat(dir.resolve("config.json")).hasContent(TestHubs.content("config.json").strip());
    assertThat(dir.resolve("onnx/model.onnx")).hasContent("onnx");
    assertThat(dir.resolve("README.md")).doesNotExist();
    assertThat(Files.isSymbolicLink(dir.resolve("config.json"))).isFalse();
    List<String> metadata = Files.readAllLines(dir.resolve(".cache/huggingface/download/onnx/model.onnx.metadata"));
    assertThat(metadata).hasSize(3);
    assertThat(metadata.get(0)).isEqualTo(HUB.get().commit(TestHubs.PUBLIC));
    Path blob = temp.resolve("cache/models--acme--tiny/snapshots").resolve(HUB.get().commit(TestHubs.PUBLIC))
        .resolve("onnx/model.onnx").toRealPath();
    assertThat(metadata.get(1)).isEqualTo(blob.getFileName().toString()).matches("[0-9a-f]{40}");
    assertThat(Double.parseDouble(metadata.get(2))).isBetween((double) before, before + 600.0);
    assertThat(dir.resolve(".cache/huggingface/.gitignore")).hasContent("*");
  }

  @Test
  void localDirWithOneFilePrintsTheCopysPathAndAnLfsFileGetsItsSha256() throws Exception {
    Path dir = temp.resolve("weights");

    CliRun run = CliRun.run(env(), "download", TestHubs.PUBLIC, TestHubs.WEIGHTS, "--local-dir", dir.toString(), "-q");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo(dir.resolve(TestHubs.WEIGHTS).toAbsolutePath() + "\n");
    assertThat(dir.resolve(TestHubs.WEIGHTS)).hasSize(TestHubs.WEIGHTS_SIZE);
    assertThat(Files.readAllLines(dir.resolve(".cache/huggingface/download/" + TestHubs.WEIGHTS + ".metadata")).get(1))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void tokenOptionAuthenticatesAndWarnsAboutShellHistoryWithoutShowingTheToken() {
    CliRun download = CliRun.run(env(), "download", TestHubs.GATED, "config.json", "--token", TestHubs.TOKEN);
    CliRun whoami = CliRun.run(env(), "whoami", "--token", TestHubs.TOKEN);

    assertThat(download.exitCode).as(download.toString()).isZero();
    assertThat(download.err).startsWith("warning: a token given with --token is kept in your shell's history");
    assertThat(whoami.exitCode).as(whoami.toString()).isZero();
    assertThat(whoami.out).contains("Logged in as alice", "Token from: the --token option");
    for (CliRun run : List.of(download, whoami)) {
      assertThat(run.out + run.err).doesNotContain(TestHubs.TOKEN);
    }
  }

  @Test
  void envReportsVersionsSettingsTokenSourceAndTransportsButNeverTheToken() {
    Map<String, String> env = env();
    env.put("BA_ACCESS_TOKEN", TestHubs.TOKEN);

    CliRun run = CliRun.run(env, "env");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains(
        "- ba version: ",
        "- Java: " + Runtime.version(),
        "- Endpoint: " + HUB.get().endpoint(),
        "- Cache: " + temp.resolve("cache"),
        "- Token file: " + temp.resolve("token"),
        "- Token: found in environment variable BA_ACCESS_TOKEN",
        "- Token sources: environment variable BA_ACCESS_TOKEN; file " + temp.resolve("token"),
        "- Transports: jdk (default), okhttp",
        "- Request log: off").doesNotContain(TestHubs.TOKEN);
    CliRun none = CliRun.run(env(), "env", "--debug");
    assertThat(none.out).contains("- Token: none found", "- Request log: on");
  }
}
