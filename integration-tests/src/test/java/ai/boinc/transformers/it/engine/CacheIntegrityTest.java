package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.CacheVerification;
import ai.boinc.transformers.hub.CorruptedCacheException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubCache;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A damaged cached file is never served as whole: size checked on each hit, content by verify. */
class CacheIntegrityTest {
  static final String REPO = "acme/m";
  static final byte[] LFS = Engine.bytes(250_000, 21);
  static final byte[] GIT = Engine.bytes(40_000, 22);

  @TempDir Path cache;
  LocalHub local;

  @BeforeEach
  void start() {
    local = LocalHub.builder().repo(HubRepo.model(REPO).lfsFile("w.bin", LFS).file("g.bin", GIT).build()).start();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  /** Changes the blob behind a cached file in place, as a failing disk or another program might. */
  static void damage(Path file, IoAction<RandomAccessFile> change) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toRealPath().toFile(), "rw")) {
      change.run(raf);
    }
  }

  interface IoAction<T> {
    void run(T target) throws Exception;
  }

  static void truncate(Path file, long size) throws Exception {
    damage(file, raf -> raf.setLength(size));
  }

  static void flipByte(Path file, long at) throws Exception {
    damage(file, raf -> {
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 0xff);
    });
  }

  Hub offline(Supplier<FileFetcher> transport) {
    return Engine.hub(local, cache, transport.get())
        .settings(HubSettings.builder().endpoint(local.endpoint()).cacheDir(cache).offline(true).build()).build();
  }

  long cdnGets() {
    return Engine.gets(local).stream().filter(r -> r.origin().equals(RecordedRequest.CDN)).count();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aTruncatedCachedBlobIsDownloadedAgainOnlineByRevisionAndByCommit(Supplier<FileFetcher> transport)
      throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    Path file = hub.download(REPO, "w.bin");
    String commit = local.commit(REPO);
    for (String revision : new String[] {"main", commit}) {
      truncate(file, 1000);
      long before = cdnGets();

      assertThat(Engine.read(hub.download(REPO, "w.bin", revision))).isEqualTo(LFS);
      assertThat(cdnGets()).isEqualTo(before + 1);
    }
    Engine.assertNoTempFiles(cache);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aTruncatedCachedBlobIsATypedErrorOffline(Supplier<FileFetcher> transport) throws Exception {
    Path file = Engine.hub(local, cache, transport.get()).build().download(REPO, "g.bin");
    truncate(file, 10);
    local.clearRequests();

    for (String revision : new String[] {"main", local.commit(REPO)}) {
      var e = catchThrowableOfType(CorruptedCacheException.class,
          () -> offline(transport).download(REPO, "g.bin", revision));
      assertThat(e.file()).isEqualTo(file);
      assertThat(e.getMessage()).contains("g.bin", "is 10 bytes long but 40000 bytes were recorded", "offline");
    }
    assertThat(local.requests()).isEmpty();
  }

  /** A blob another tool stored has no size record: online, the hub's announced size catches it. */
  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aTruncatedBlobWithoutASizeRecordIsCaughtByTheAnnouncedSize(Supplier<FileFetcher> transport)
      throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    Path file = hub.download(REPO, "w.bin");
    try (Stream<Path> records = Files.walk(cache.resolve("models--acme--m/.sizes"))) {
      records.filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
    }
    truncate(file, 5);

    assertThat(Engine.read(hub.download(REPO, "w.bin"))).isEqualTo(LFS);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void verifyFindsAFlippedByteAndRepairDownloadsTheFileAgain(Supplier<FileFetcher> transport) throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    Path lfs = hub.download(REPO, "w.bin");
    Path git = hub.download(REPO, "g.bin");
    flipByte(lfs, 12_345);
    flipByte(git, 0);

    CacheVerification found = HubCache.of(cache).verify(REPO);
    assertThat(found.blobsChecked()).isEqualTo(2);
    assertThat(found.isClean()).isFalse();
    assertThat(found.damaged()).extracting(d -> d.problem().substring(0, d.problem().indexOf(' ', 4)))
        .containsExactlyInAnyOrder("has SHA-256", "has git");
    assertThat(found.damaged()).allSatisfy(d -> assertThat(d.files()).hasSize(1));
    assertThat(HubCache.of(cache).verify("acme/other").blobsChecked()).isZero();

    CacheVerification repaired = hub.verify(REPO, true);
    assertThat(repaired.damaged()).hasSize(2).allSatisfy(d -> assertThat(d.repaired()).isTrue());
    assertThat(repaired.isClean()).isTrue();
    assertThat(Engine.read(lfs)).isEqualTo(LFS);
    assertThat(Engine.read(git)).isEqualTo(GIT);
    assertThat(hub.verify(false).damaged()).isEmpty();
    Engine.assertNoTempFiles(cache);
  }
}
