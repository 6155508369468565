package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.WhoAmI;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshots with patterns, offline mode, .no_exist, progress events and whoami, on both transports. */
class SnapshotOfflineWhoamiTest {
  static final String REPO = "acme/snap";
  static final String TOKEN = "ba_snapshot_token_456";

  @TempDir Path cache;
  LocalHub local;

  @BeforeEach
  void start() {
    HubRepo.Builder repo = HubRepo.model(REPO)
        .file("config.json", "{}").file("tokenizer.json", "{\"v\":1}").file("README.md", "# hi")
        .file("onnx/model.onnx", Engine.bytes(5_000, 1)).file("onnx/sub/extra.json", "[]")
        .lfsFile("model.safetensors", Engine.bytes(80_000, 2)).file("Upper.JSON", "{}");
    for (int i = 0; i < 20; i++) {
      repo.file("many/f" + i + ".txt", "file " + i);
    }
    local = LocalHub.builder().repo(repo.build()).token(TOKEN, "alice").treePageSize(5).start();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  static Set<String> files(Path snapshot) throws Exception {
    try (Stream<Path> walk = Files.walk(snapshot)) {
      return walk.filter(p -> !Files.isDirectory(p)).map(p -> snapshot.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toSet());
    }
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aSnapshotDownloadsTheSelectedFilesAtTheResolvedCommit(Supplier<FileFetcher> transport) throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).snapshotWorkers(3).build();

    Path snapshot = hub.snapshot(REPO, "main", List.of("*.json", "onnx/"), List.of("onnx/sub/*"));

    assertThat(snapshot).isEqualTo(cache.resolve("models--acme--snap/snapshots/" + local.commit(REPO)));
    // "*.json" also matches below folders ('*' crosses '/'), but is case-sensitive; "onnx/sub/*" is ignored.
    assertThat(files(snapshot)).containsExactlyInAnyOrder("config.json", "tokenizer.json", "onnx/model.onnx");
    assertThat(Files.readString(cache.resolve("models--acme--snap/refs/main"))).isEqualTo(local.commit(REPO));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aWholeSnapshotReportsEveryFileToTheListenerAndServesOfflineAfterwards(Supplier<FileFetcher> transport)
      throws Exception {
    Set<String> done = ConcurrentHashMap.newKeySet();
    List<DownloadEvent> progress = new CopyOnWriteArrayList<>();
    DownloadListener listener = new DownloadListener() {
      @Override
      public void onProgress(DownloadEvent event) {
        progress.add(event);
      }

      @Override
      public void onDone(DownloadEvent event) {
        done.add(event.filename());
      }
    };
    Hub hub = Engine.hub(local, cache, transport.get()).listener(listener).build();

    Path snapshot = hub.snapshot(REPO);

    assertThat(files(snapshot)).hasSize(27).contains("Upper.JSON", "many/f19.txt", "model.safetensors");
    assertThat(done).hasSize(27);
    assertThat(progress).filteredOn(e -> e.filename().equals("model.safetensors")).last()
        .satisfies(e -> {
          assertThat(e.bytesDone()).isEqualTo(80_000);
          assertThat(e.totalBytes()).hasValue(80_000);
        });
    // Files with the same content share one blob, which is downloaded once; nothing is fetched twice.
    assertThat(Engine.gets(local).stream().filter(r -> r.rawPath().contains("/resolve/")).map(RecordedRequest::rawPath))
        .doesNotHaveDuplicates().hasSizeBetween(20, 27);

    local.clearRequests();
    Hub offline = Engine.hub(local, cache, transport.get())
        .settings(ai.boinc.transformers.hub.HubSettings.builder().endpoint(local.endpoint()).cacheDir(cache)
            .offline(true).build()).build();
    assertThat(offline.snapshot(REPO)).isEqualTo(snapshot);
    assertThat(offline.download(REPO, "many/f3.txt")).exists();
    assertThat(local.requests()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aSnapshotTakesEachFilesMetadataFromTheListingAndSendsOneGetPerFile(Supplier<FileFetcher> transport)
      throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get(), TOKEN).build();
    String commit = local.commit(REPO);

    Path snapshot = hub.snapshot(REPO);

    assertThat(files(snapshot)).hasSize(27);
    assertThat(Engine.read(snapshot.resolve("model.safetensors"))).isEqualTo(Engine.bytes(80_000, 2));
    assertThat(Engine.read(snapshot.resolve("onnx/model.onnx"))).isEqualTo(Engine.bytes(5_000, 1));
    assertThat(Files.readString(snapshot.resolve("many/f7.txt"))).isEqualTo("file 7");
    List<RecordedRequest> requests = local.requests();
    // The repo info with blobs=true answers what a HEAD per file would: no HEAD at all.
    assertThat(requests).extracting(RecordedRequest::method).doesNotContain("HEAD");
    assertThat(requests).filteredOn(r -> r.rawPath().startsWith("/api/")).singleElement()
        .satisfies(r -> assertThat(r.rawQuery()).isEqualTo("blobs=true"));
    assertThat(requests).filteredOn(r -> r.rawPath().contains("/resolve/"))
        .allSatisfy(r -> assertThat(r.rawPath()).contains("/resolve/" + commit + "/"));
    // The LFS file still goes through the redirect to the CDN, which never sees the token.
    assertThat(requests).filteredOn(r -> r.origin().equals(RecordedRequest.CDN)).singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEmpty());
    assertThat(requests).filteredOn(r -> r.origin().equals(RecordedRequest.HUB))
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
    Engine.assertNoTempFiles(cache);

    // Again at the commit: everything is cached, so only the listing is asked for.
    local.clearRequests();
    assertThat(hub.snapshot(REPO, commit, List.of(), List.of())).isEqualTo(snapshot);
    assertThat(local.requests()).extracting(RecordedRequest::rawPath).allMatch(p -> p.startsWith("/api/"));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void anIncompleteCachedSnapshotIsAnOfflineMiss(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    hub.snapshot(REPO, "main", List.of("*.md"), List.of());
    local.clearRequests();

    DownloadOptions offline = DownloadOptions.builder().localFilesOnly(true).build();
    assertThat(hub.snapshot(REPO, offline, List.of("*.md"), List.of())).isDirectory();
    var e = catchThrowableOfType(OfflineCacheMissException.class,
        () -> hub.snapshot(REPO, offline, List.of(), List.of()));
    assertThat(e.getMessage()).contains(REPO, "main", "localFilesOnly");
    assertThat(local.requests()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aFailingFileFailsTheSnapshotAndTheNextSnapshotLeavesNoTempFiles(Supplier<FileFetcher> transport) {
    local.addFault(Fault.corruptByteAt(100).onCdn().times(5));
    Hub hub = Engine.hub(local, cache, transport.get()).build();

    catchThrowableOfType(HubException.class, () -> hub.snapshot(REPO));
    // Files cancelled with the snapshot keep what arrived, each in its one resumable partial file.
    assertThat(Engine.tempFiles(cache))
        .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[0-9a-f]{40,64}\\.incomplete"));
    local.clearFaults();
    hub.snapshot(REPO);
    Engine.assertNoTempFiles(cache);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aMissingOptionalFileIsRememberedAndNotAskedForAgain(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    DownloadOptions main = DownloadOptions.defaults();

    assertThat(hub.downloadIfExists(REPO, "added_tokens.json", main)).isEmpty();
    assertThat(cache.resolve("models--acme--snap/.no_exist/" + local.commit(REPO) + "/added_tokens.json")).exists();
    local.clearRequests();

    assertThat(hub.downloadIfExists(REPO, "added_tokens.json", main)).isEmpty();
    assertThat(local.requests()).isEmpty();
    var e = catchThrowableOfType(EntryNotFoundException.class, () -> hub.download(REPO, "added_tokens.json",
        DownloadOptions.builder().localFilesOnly(true).build()));
    assertThat(e.getMessage()).contains("added_tokens.json");
    assertThat(local.requests()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void localFilesOnlyServesTheCacheOrNamesWhatIsMissing(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    DownloadOptions offline = DownloadOptions.builder().localFilesOnly(true).build();
    var e = catchThrowableOfType(OfflineCacheMissException.class, () -> hub.download(REPO, "config.json", offline));
    assertThat(e.getMessage()).contains(REPO, "config.json", "main");

    hub.download(REPO, "config.json");
    local.clearRequests();
    assertThat(hub.download(REPO, "config.json", offline)).exists();
    assertThat(local.requests()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void whoamiNamesTheAccountAndToken(Supplier<FileFetcher> transport) {
    WhoAmI me = Engine.hub(local, cache, transport.get(), TOKEN).build().whoami();

    assertThat(me.name()).isEqualTo("alice");
    assertThat(me.type()).isEqualTo("user");
    assertThat(me.tokenName()).isPresent();
    assertThat(me.tokenRole()).contains("read");
    assertThat(me.toString()).doesNotContain(TOKEN);
    assertThat(local.requests()).extracting(RecordedRequest::rawPath).containsExactly("/api/whoami-v2");

    assertThat(catchThrowableOfType(MissingTokenException.class,
        () -> Engine.hub(local, cache, transport.get()).build().whoami()).getMessage()).contains("BA_ACCESS_TOKEN");
    var bad = catchThrowableOfType(InvalidTokenException.class,
        () -> Engine.hub(local, cache, transport.get(), "ba_not_a_real_token").build().whoami());
    assertThat(bad.getMessage()).doesNotContain("ba_not_a_real_token");
  }
}
