package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Hub#snapshot} of a repository of {@value #FILES} small files ({@value #FILE_BYTES} bytes
 * each) into a fresh cache, with {@code workers} = 1 (sequential) and 4 download threads. The
 * {@link Report} divides the 1-worker time by the 4-worker time.
 *
 * <p>Every request to the {@link LocalHub} (hub and CDN alike) is answered after {@value
 * #LATENCY_MS} ms ({@link Fault#delay}): it stands for network latency. Without it, 4 KiB files on
 * loopback take a fraction of a millisecond each and the run would measure local CPU and
 * file-system work, not the waiting a pool is there to overlap.
 *
 * <p>{@code cache} = {@value #DISK} puts the cache under {@code java.io.tmpdir}, as users' caches
 * are on disk; {@value #MEMORY} under {@code /dev/shm} (tmpfs, Linux), which takes the file
 * system's cost of creating inodes out of the figure. The target is read on the disk rows.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class SnapshotSpeed {
  static final String REPO = "bench/many";
  static final int FILES = 200;
  static final int FILE_BYTES = 4096;
  static final long LATENCY_MS = 5;

  static final String DISK = "disk";
  static final String MEMORY = "memory";
  private static final Path SHM = Paths.get("/dev/shm");

  @Param({"1", "4"})
  public int workers;

  @Param({DISK, MEMORY})
  public String cache;

  private LocalHub local;
  private Path dir;
  private Hub hub;

  @Setup(Level.Trial)
  public void start() {
    HubRepo.Builder repo = HubRepo.model(REPO);
    for (int i = 0; i < FILES; i++) {
      repo = repo.file(String.format("shard-%03d.bin", i), HubRepo.virtualBytes(i, 0, FILE_BYTES));
    }
    local = LocalHub.builder().repo(repo.build()).start();
    local.addFault(Fault.delay(Duration.ofMillis(LATENCY_MS)).times(Integer.MAX_VALUE));
  }

  @Setup(Level.Iteration)
  public void freshCache() {
    if (MEMORY.equals(cache)) {
      if (!Files.isDirectory(SHM)) {
        throw new IllegalStateException("cache=memory needs tmpfs at " + SHM + " (Linux); run with -p cache=disk");
      }
      dir = HubBench.tempDir(SHM, "snapshot-speed-");
    } else {
      dir = HubBench.tempDir("snapshot-speed-");
    }
    hub = HubBench.hub(local, dir, workers);
  }

  @TearDown(Level.Iteration)
  public void deleteCache() {
    HubBench.delete(dir);
  }

  @TearDown(Level.Trial)
  public void stop() {
    local.close();
  }

  @Benchmark
  public long snapshot() throws IOException {
    Path snapshot = hub.snapshot(REPO, DownloadOptions.defaults(), List.of(), List.of());
    long files;
    try (Stream<Path> walk = Files.walk(snapshot)) {
      files = walk.filter(Files::isRegularFile).count();
    }
    if (files != FILES) {
      throw new IllegalStateException(snapshot + ": " + files + " files, expected " + FILES);
    }
    return files;
  }
}
