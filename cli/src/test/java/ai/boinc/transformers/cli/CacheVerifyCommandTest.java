package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.LocalHub;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ba cache verify} finds a flipped byte, {@code --repair} fixes it; a truncated file is never served. */
class CacheVerifyCommandTest {
  @TempDir Path dir;

  static void change(Path file, long at, Long truncateTo) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toRealPath().toFile(), "rw")) {
      if (truncateTo != null) {
        raf.setLength(truncateTo);
        return;
      }
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 1);
    }
  }

  @Test
  void verifyFindsAFlippedByteAndRepairDownloadsTheFileAgain() throws Exception {
    try (LocalHub hub = TestHubs.start()) {
      Map<String, String> env = TestHubs.env(hub, dir.resolve("cache"), dir.resolve("token"));
      CliRun download = CliRun.run(env, "download", TestHubs.PUBLIC, TestHubs.WEIGHTS, "config.json", "-q");
      assertThat(download.exitCode).as(download.toString()).isZero();
      Path weights = Path.of(download.lastLine()).resolve(TestHubs.WEIGHTS);
      change(weights, 1234, null);

      CliRun verify = CliRun.run(env, "cache", "verify");
      assertThat(verify.exitCode).as(verify.toString()).isEqualTo(ExitCodes.IO);
      assertThat(verify.out).contains("damaged " + TestHubs.PUBLIC, TestHubs.WEIGHTS, "has SHA-256",
          "Checked 2 files", "1 damaged, 0 repaired", "--repair");

      CliRun repair = CliRun.run(env, "cache", "verify", TestHubs.PUBLIC, "--repair");
      assertThat(repair.exitCode).as(repair.toString()).isZero();
      assertThat(repair.out).contains("repaired " + TestHubs.PUBLIC, "1 damaged, 1 repaired.");

      CliRun again = CliRun.run(env, "cache", "verify");
      assertThat(again.exitCode).as(again.toString()).isZero();
      assertThat(again.out).contains("all intact.");
    }
  }

  @Test
  void aTruncatedCachedFileIsDownloadedAgainOnlineAndRefusedOffline() throws Exception {
    try (LocalHub hub = TestHubs.start()) {
      Map<String, String> env = TestHubs.env(hub, dir.resolve("cache"), dir.resolve("token"));
      CliRun download = CliRun.run(env, "download", TestHubs.PUBLIC, TestHubs.WEIGHTS);
      assertThat(download.exitCode).as(download.toString()).isZero();
      change(Path.of(download.lastLine()), 0, 1000L);

      CliRun offline = CliRun.run(env, "download", TestHubs.PUBLIC, TestHubs.WEIGHTS, "--offline");
      assertThat(offline.exitCode).as(offline.toString()).isEqualTo(ExitCodes.IO);
      assertThat(offline.err).contains("is 1000 bytes long but 300000 bytes were recorded", "--repair");

      CliRun online = CliRun.run(env, "download", TestHubs.PUBLIC, TestHubs.WEIGHTS);
      assertThat(online.exitCode).as(online.toString()).isZero();
      assertThat(online.err).contains("downloaded").doesNotContain("cached " + TestHubs.WEIGHTS);
      assertThat(Path.of(online.lastLine())).hasSize(TestHubs.WEIGHTS_SIZE);
    }
  }
}
