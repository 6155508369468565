package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.DownloadCancelledException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Threads and processes sharing a cache download a file once; interrupts clean up. */
class ConcurrencyTest {
  static final String REPO = "acme/m";
  static final byte[] LFS = Engine.bytes(300_000, 11);
  static final byte[] OTHER = Engine.bytes(300_000, 12);

  @TempDir Path cache;
  LocalHub local;

  @BeforeEach
  void start() {
    local = LocalHub.builder().repo(HubRepo.model(REPO).lfsFile("w.bin", LFS).lfsFile("o.bin", OTHER).build()).start();
  }

  @AfterEach
  void stop() {
    local.releaseBodies();
    local.close();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static List<RecordedRequest> cdnGets(LocalHub local) {
    return Engine.gets(local).stream().filter(r -> r.origin().equals(RecordedRequest.CDN)).collect(Collectors.toList());
  }

  /** Waits (bounded) until {@code count} requests of {@code method} arrived. */
  static void awaitRequests(LocalHub local, String method, int count) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (local.requests().stream().filter(r -> r.method().equals(method)).count() >= count) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("fewer than " + count + " " + method + " requests arrived: " + local.requests());
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void eightThreadsAndTwoProcessesDownloadOneFileOnce(Supplier<FileFetcher> transport) throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    local.holdBodiesAfter(1000);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      processes.add(new ProcessBuilder(
              Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"),
              ConcurrentDownloadMain.class.getName(),
              local.endpoint().toString(), cache.toString(), REPO, "w.bin")
          .redirectErrorStream(true)
          .start());
    }
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(threads.submit(() -> hub.download(REPO, "w.bin")));
      }
      // Everyone has asked for the metadata and one download is under way (and held): the others wait.
      awaitRequests(local, "HEAD", 10);
      awaitRequests(local, "GET", 1);
      Thread.sleep(200);
      local.releaseBodies();

      for (Future<Path> result : results) {
        assertThat(Engine.read(result.get(60, TimeUnit.SECONDS))).isEqualTo(LFS);
      }
      for (Process process : processes) {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("sha256=" + sha256(LFS));
      }
    } finally {
      threads.shutdownNow();
      processes.forEach(Process::destroyForcibly);
    }
    assertThat(cdnGets(local)).hasSize(1);
    Engine.assertNoTempFiles(cache);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void differentFilesDownloadInParallel(Supplier<FileFetcher> transport) throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    local.holdBodiesAfter(1000);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Path> w = threads.submit(() -> hub.download(REPO, "w.bin"));
      Future<Path> o = threads.submit(() -> hub.download(REPO, "o.bin"));
      // Both bodies are in flight at once: neither waits for the other's lock.
      awaitRequests(local, "GET", 2);
      local.releaseBodies();
      assertThat(Engine.read(w.get(60, TimeUnit.SECONDS))).isEqualTo(LFS);
      assertThat(Engine.read(o.get(60, TimeUnit.SECONDS))).isEqualTo(OTHER);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Interrupted while waiting for the CDN's answer: both transports wake up; nothing arrived, nothing is kept. */
  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void interruptingADownloadCleansUpAndReleasesTheLock(Supplier<FileFetcher> transport) throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    local.addFault(ai.boinc.transformers.testkit.Fault.delay(Duration.ofSeconds(2)).onCdn());
    DownloadCancelledException e = assertCancels(hub, () -> local.clearFaults());
    assertThat(e.bytesKept()).isZero();
  }

  /** Interrupted while a body read is blocked (a stall mid-body): what arrived is kept and resumed. */
  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void interruptingABlockedBodyReadKeepsThePartialFileForTheNextDownload(Supplier<FileFetcher> transport)
      throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    local.addFault(ai.boinc.transformers.testkit.Fault.stall(Duration.ofSeconds(2)).afterBytes(50_000).onCdn());
    DownloadCancelledException e = assertCancels(hub, () -> local.clearFaults());
    assertThat(e.bytesKept()).isEqualTo(50_000);
    assertThat(e.bytesTotal()).isEqualTo(LFS.length);
    assertThat(e.getMessage()).contains("50000 of 300000 bytes are kept");
    List<RecordedRequest> gets = cdnGets(local);
    assertThat(gets.get(gets.size() - 1).header("Range")).contains("bytes=50000-");
  }

  private DownloadCancelledException assertCancels(Hub hub, Runnable heal) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    Thread downloader = new Thread(() -> {
      try {
        hub.download(REPO, "w.bin");
      } catch (Throwable e) {
        thrown.set(e);
      }
      interruptedAfter.set(Thread.currentThread().isInterrupted());
    });
    downloader.start();
    awaitRequests(local, "GET", 1);
    Thread.sleep(200);
    downloader.interrupt();
    downloader.join(30_000);

    assertThat(downloader.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(DownloadCancelledException.class)
        .hasMessageContaining("w.bin").hasMessageContaining("interrupted");
    assertThat(interruptedAfter).isTrue();
    DownloadCancelledException cancelled = (DownloadCancelledException) thrown.get();
    assertThat(Engine.tempFiles(cache)).hasSize(cancelled.bytesKept() > 0 ? 1 : 0);

    heal.run();
    assertThat(Engine.read(hub.download(REPO, "w.bin"))).isEqualTo(LFS);
    Engine.assertNoTempFiles(cache);
    return cancelled;
  }

  static void ignore(IOException e) {}
}
