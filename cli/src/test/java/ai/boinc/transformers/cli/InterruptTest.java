package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during {@code ba download}: one line, exit 130, the partial file kept, and the next run resumes. */
class InterruptTest {
  @TempDir Path dir;

  static List<RecordedRequest> cdnGets(LocalHub hub) {
    return hub.requests().stream()
        .filter(r -> r.origin().equals(RecordedRequest.CDN) && r.method().equals("GET"))
        .collect(Collectors.toList());
  }

  @Test
  void sigintKeepsThePartialFileSaysSoAndExits130ThenTheSameCommandResumes() throws Exception {
    try (LocalHub hub = TestHubs.start()) {
      Map<String, String> env = TestHubs.env(hub, dir.resolve("cache"), dir.resolve("token"));
      hub.holdBodiesAfter(120_000);
      ProcessBuilder builder = new ProcessBuilder(
          Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "download", TestHubs.PUBLIC, TestHubs.WEIGHTS)
          .redirectOutput(dir.resolve("stdout").toFile())
          .redirectError(dir.resolve("stderr").toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process ba = builder.start();
      try {
        for (int i = 0; i < 600 && cdnGets(hub).isEmpty(); i++) {
          Thread.sleep(50);
        }
        assertThat(cdnGets(hub)).as("the download started").hasSize(1);
        Thread.sleep(500); // the held bytes reach the partial file
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(ba.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ba.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        ba.destroyForcibly();
        hub.releaseBodies();
      }
      String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
      assertThat(ba.exitValue()).as(err).isEqualTo(130);
      assertThat(err).contains("interrupted: " + TestHubs.WEIGHTS + ", 120.0 kB of 300.0 kB kept; run the same"
          + " command to resume");
      assertThat(partials(dir.resolve("cache"))).hasSize(1);

      CliRun again = CliRun.run(env, "download", TestHubs.PUBLIC, TestHubs.WEIGHTS);
      assertThat(again.exitCode).as(again.toString()).isZero();
      assertThat(Path.of(again.lastLine())).hasSize(TestHubs.WEIGHTS_SIZE);
      List<RecordedRequest> gets = cdnGets(hub);
      assertThat(gets).hasSize(2);
      assertThat(gets.get(1).header("Range")).contains("bytes=120000-");
      assertThat(partials(dir.resolve("cache"))).isEmpty();
    }
  }

  static List<Path> partials(Path cache) throws IOException {
    try (var walk = Files.walk(cache)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".incomplete")).collect(Collectors.toList());
    }
  }
}
