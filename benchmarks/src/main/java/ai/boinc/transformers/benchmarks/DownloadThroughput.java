package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Download throughput of a 1 GiB file over loopback from a {@link LocalHub}: {@code hub} is {@link
 * Hub#download} (metadata request, redirect to the CDN, streaming to the cache, sha256 check, cache
 * layout) into a fresh cache; {@code plainHttp} is the baseline, a bare {@code java.net.http}
 * GET of the same CDN URL with {@code BodyHandlers.ofFile}. One operation = one whole download; the
 * score is ms per GiB, and the {@link Report} turns it into MB/s and the ratio hub ÷ plain.
 *
 * <p>The file is a virtual LFS file (generated from a seed, never stored). The hub hashes it once,
 * in the trial setup, so the hashing is not measured. The downloaded file is deleted after each
 * iteration; both write to {@code java.io.tmpdir}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class DownloadThroughput {
  static final String REPO = "bench/big";
  static final String FILE = "big.bin";
  static final long SIZE = 1L << 30;

  @Param({"hub", "plainHttp"})
  public String impl;

  private LocalHub local;
  private HttpClient client;
  private Path dir;
  private Hub hub;

  @Setup(Level.Trial)
  public void start() {
    local = LocalHub.builder().repo(HubRepo.model(REPO).virtualLfsFile(FILE, SIZE, 42).build()).start();
    HubBench.resolveOnce(local, REPO, FILE);
    client = HttpClient.newHttpClient();
  }

  @Setup(Level.Iteration)
  public void freshDir() {
    dir = HubBench.tempDir("download-throughput-");
    hub = HubBench.hub(local, dir.resolve("cache"), 1);
  }

  @TearDown(Level.Iteration)
  public void deleteDir() {
    HubBench.delete(dir);
  }

  @TearDown(Level.Trial)
  public void stop() {
    local.close();
  }

  @Benchmark
  public long download() throws IOException, InterruptedException {
    Path file;
    if ("hub".equals(impl)) {
      file = hub.download(REPO, FILE, DownloadOptions.builder().forceDownload(true).build());
    } else {
      HttpResponse<Path> response =
          client.send(
              HttpRequest.newBuilder(local.cdnUri(REPO, FILE)).GET().build(),
              HttpResponse.BodyHandlers.ofFile(dir.resolve(FILE)));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + response.uri() + ": " + response.statusCode());
      }
      file = response.body();
    }
    long size = Files.size(file);
    if (size != SIZE) {
      throw new IllegalStateException(file + ": " + size + " bytes, expected " + SIZE);
    }
    return size;
  }
}
