package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubHttpException;
import ai.boinc.transformers.hub.RateLimitedException;
import ai.boinc.transformers.hub.RepositoryNotFoundException;
import ai.boinc.transformers.hub.RetryPolicy;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Retries, resume and verification against LocalHub's injected faults, on both transports. */
class FaultsTest {
  static final String REPO = "acme/m";
  static final byte[] LFS = Engine.bytes(200_000, 7);
  static final byte[] GIT = Engine.bytes(50_000, 8);

  @TempDir Path cache;
  LocalHub local;
  Engine.FakeTime time;

  @BeforeEach
  void start() {
    local = LocalHub.builder()
        .repo(HubRepo.model(REPO).lfsFile("w.bin", LFS).file("g.bin", GIT).build())
        .repo(HubRepo.model("acme/off").disabled().file("x", "y").build())
        .start();
    time = new Engine.FakeTime();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  Hub hub(Supplier<FileFetcher> transport) {
    return Engine.hub(local, cache, transport.get()).retryPolicy(time.policy().build()).build();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void serverErrorsAreRetriedWithExponentialBackoff(Supplier<FileFetcher> transport) {
    local.addFault(Fault.status(503).forPath("/acme/m/resolve/").times(2));
    local.addFault(Fault.status(502).onCdn().times(1));

    assertThat(Engine.read(hub(transport).download(REPO, "w.bin"))).isEqualTo(LFS);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertThat(local.pendingFaults()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void retryAfterIsHonoured(Supplier<FileFetcher> transport) {
    local.addFault(Fault.status(429).retryAfterSeconds(3).forPath("/acme/m/resolve/"));

    assertThat(Engine.read(hub(transport).download(REPO, "g.bin"))).isEqualTo(GIT);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aPersistent429EndsAsARateLimitedExceptionWithinTheBounds(Supplier<FileFetcher> transport) {
    local.addFault(Fault.status(429).retryAfterSeconds(2).times(100));
    Hub hub = Engine.hub(local, cache, transport.get())
        .retryPolicy(time.policy().maxAttempts(4).build()).build();

    var e = catchThrowableOfType(RateLimitedException.class, () -> hub.download(REPO, "g.bin"));

    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e.getMessage()).contains("g.bin", REPO, "429");
    assertThat(local.requests()).hasSize(4);
    assertThat(time.sleeps).hasSize(3);
    Engine.assertNoTempFiles(cache);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void theTotalTimeBoundStopsRetriesEarly(Supplier<FileFetcher> transport) {
    local.addFault(Fault.status(503).times(100));
    Hub hub = Engine.hub(local, cache, transport.get())
        .retryPolicy(time.policy().maxAttempts(10).maxTotalTime(Duration.ofSeconds(10)).build()).build();

    var e = catchThrowableOfType(HubHttpException.class, () -> hub.download(REPO, "g.bin"));

    assertThat(e.status()).isEqualTo(503);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void clientErrorsAndNotImplementedAreNotRetried(Supplier<FileFetcher> transport) {
    Hub hub = hub(transport);
    catchThrowableOfType(RepositoryNotFoundException.class, () -> hub.download("acme/none", "x"));
    catchThrowableOfType(HubHttpException.class, () -> hub.download("acme/off", "x"));
    local.addFault(Fault.status(501));
    var e = catchThrowableOfType(HubHttpException.class, () -> hub.download(REPO, "g.bin"));

    assertThat(e.status()).isEqualTo(501);
    assertThat(time.sleeps).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aConnectionResetIsRetried(Supplier<FileFetcher> transport) {
    // The JDK client itself repeats an idempotent request once after a reset; three resets get past it.
    local.addFault(Fault.resetConnection().forPath("/acme/m/resolve/").times(3));

    assertThat(Engine.read(hub(transport).download(REPO, "g.bin"))).isEqualTo(GIT);
    assertThat(local.pendingFaults()).isEmpty();
    assertThat(time.sleeps).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aCutDownloadResumesWithARangeRequest(Supplier<FileFetcher> transport) {
    local.addFault(Fault.cutAfterBytes(70_000).onCdn().method("GET"));

    assertThat(Engine.read(hub(transport).download(REPO, "w.bin"))).isEqualTo(LFS);
    var cdnGets = Engine.gets(local).stream().filter(r -> r.origin().equals(RecordedRequest.CDN))
        .collect(java.util.stream.Collectors.toList());
    assertThat(cdnGets).hasSize(2);
    assertThat(cdnGets.get(0).header("Range")).isEmpty();
    assertThat(cdnGets.get(1).header("Range")).hasValueSatisfying(range -> assertThat(range).matches("bytes=\\d+-"));
    assertThat(cdnGets).allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    Engine.assertNoTempFiles(cache);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aServerThatIgnoresRangeMakesTheDownloadRestartFromZero(Supplier<FileFetcher> transport) {
    local.addFault(Fault.cutAfterBytes(30_000).forPath("/acme/m/resolve/").method("GET"));
    local.addFault(Fault.ignoreRange());

    assertThat(Engine.read(hub(transport).download(REPO, "g.bin"))).isEqualTo(GIT);
    assertThat(local.pendingFaults()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aStalledBodyTimesOutAndResumes(Supplier<FileFetcher> transport) {
    local.addFault(Fault.stall(Duration.ofSeconds(5)).afterBytes(10_000).onCdn());
    Hub hub = Engine.hub(local, cache, transport.get()).retryPolicy(time.policy().build())
        .settings(ai.boinc.transformers.hub.HubSettings.builder().endpoint(local.endpoint()).cacheDir(cache)
            .downloadTimeout(Duration.ofMillis(300)).build())
        .build();

    assertThat(Engine.read(hub.download(REPO, "w.bin"))).isEqualTo(LFS);
    assertThat(Engine.gets(local).stream().filter(r -> r.origin().equals(RecordedRequest.CDN))).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aCorruptedLfsFileIsRejectedAndNothingIsStored(Supplier<FileFetcher> transport) throws Exception {
    local.addFault(Fault.corruptByteAt(12_345).onCdn());

    var e = catchThrowableOfType(ChecksumMismatchException.class, () -> hub(transport).download(REPO, "w.bin"));

    assertThat(e.getMessage()).contains("w.bin", "SHA-256");
    Engine.assertNoTempFiles(cache);
    try (var blobs = Files.list(cache.resolve("models--acme--m/blobs"))) {
      assertThat(blobs).isEmpty();
    }
    assertThat(Engine.read(hub(transport).download(REPO, "w.bin"))).isEqualTo(LFS);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aCorruptedGitFileIsRejectedByItsBlobId(Supplier<FileFetcher> transport) {
    local.addFault(Fault.corruptByteAt(5).forPath("/acme/m/resolve/"));

    var e = catchThrowableOfType(ChecksumMismatchException.class, () -> hub(transport).download(REPO, "g.bin"));

    assertThat(e.getMessage()).contains("g.bin", "git blob id");
    Engine.assertNoTempFiles(cache);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void withoutRetriesAFailureIsReportedAtOnce(Supplier<FileFetcher> transport) {
    local.addFault(Fault.status(503));
    Hub hub = Engine.hub(local, cache, transport.get()).retryPolicy(RetryPolicy.none()).build();

    assertThat(catchThrowableOfType(HubHttpException.class, () -> hub.download(REPO, "g.bin")).status()).isEqualTo(503);
  }
}
