package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A download process killed (kill -9) again and again at random points, over a hub that also cuts
 * connections, answers 503 and resets them, then run to the end: the file is whole, the whole
 * series cost at most 1.5 times the file in transfer (the bytes LocalHub served), and no partial
 * file is left. Bounded: {@value #KILLS} kills of a {@value #SIZE}-byte file per transport, seed
 * {@value #SEED}.
 */
class ResumeSoakTest {
  static final String REPO = "acme/soak";
  static final String FILE = "model.safetensors";
  static final int SIZE = 16 << 20;
  static final int KILLS = 8;
  static final long SEED = 20261207L;
  static final long VIRTUAL_SEED = 77;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "okhttp"})
  void killedDownloadsResumeAndCostAtMostOneAndAHalfTimesTheFile(String transport) throws Exception {
    Path cache = dir.resolve("cache");
    Random random = new Random(SEED);
    try (LocalHub hub = LocalHub.builder()
        .repo(HubRepo.model(REPO).virtualLfsFile(FILE, SIZE, VIRTUAL_SEED).build()).start()) {
      Path partial = null;
      long kept = 0;
      for (int kill = 0; kill < KILLS; kill++) {
        long hold = SIZE / 20 + random.nextInt(SIZE / 20);
        if (kill % 3 == 1) {
          hub.addFault(Fault.cutAfterBytes(hold / 2).onCdn().method("GET"));
        } else if (kill % 3 == 2) {
          hub.addFault(kill % 2 == 0 ? Fault.status(503).onHub() : Fault.resetConnection().onHub());
        }
        hub.holdBodiesAfter(hold);
        Process process = start(hub, cache, transport);
        try {
          partial = awaitPartial(cache, kept + hold, process);
        } finally {
          process.destroyForcibly(); // kill -9
          process.waitFor(30, TimeUnit.SECONDS);
          hub.releaseBodies(); // frees the server thread writing to the dead process
          hub.clearFaults();
        }
        long now = Files.size(partial);
        assertThat(now).as("kill %d keeps what arrived", kill).isGreaterThanOrEqualTo(kept + hold);
        kept = now;
      }

      Process last = start(hub, cache, transport);
      assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(last.exitValue()).as(output).isZero();
      Path file = Paths.get(output.lines().reduce((a, b) -> b).orElseThrow());

      System.out.printf("soak %s: %d kills, %d bytes served for a %d-byte file (%.2fx)%n", transport, KILLS,
          hub.bytesServed(), SIZE, hub.bytesServed() / (double) SIZE);
      assertThat(sha256(file)).isEqualTo(sha256(HubRepo.virtualBytes(VIRTUAL_SEED, 0, SIZE)));
      assertThat(hub.bytesServed()).as("bytes served over %d kills", KILLS).isLessThanOrEqualTo(SIZE * 3L / 2);
      assertThat(kept).as("the kills together had kept a good part").isGreaterThan(SIZE / 4);
      Engine.assertNoTempFiles(cache);
    }
  }

  private static Process start(LocalHub hub, Path cache, String transport) throws IOException {
    return new ProcessBuilder(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        SoakDownloadMain.class.getName(),
        hub.endpoint().toString(), cache.toString(), REPO, FILE, transport)
        .redirectErrorStream(true)
        .start();
  }

  /** Waits (bounded) until the process wrote at least {@code bytes} into the blob's partial file. */
  private static Path awaitPartial(Path cache, long bytes, Process process) throws Exception {
    Path blobs = cache.resolve("models--acme--soak").resolve("blobs");
    for (int i = 0; i < 400; i++) {
      if (Files.isDirectory(blobs)) {
        try (var entries = Files.list(blobs)) {
          Path partial = entries.filter(p -> p.getFileName().toString().endsWith(".incomplete")).findFirst()
              .orElse(null);
          if (partial != null && Files.size(partial) >= bytes) {
            return partial;
          }
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError("the download process ended early: "
            + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the partial file did not reach " + bytes + " bytes");
  }

  private static String sha256(Path file) throws Exception {
    return sha256(Files.readAllBytes(file));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
