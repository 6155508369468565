package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Revisions, refs, ETag revalidation, repo types and the User-Agent, on both transports. */
class RevisionsAndCacheTest {
  static final String REPO = "acme/m";
  static final String TOKEN = "ba_revisions_token_123";

  @TempDir Path cache;
  LocalHub local;

  @BeforeEach
  void start() {
    local = LocalHub.builder()
        .repo(HubRepo.model(REPO).file("a.txt", "v1").file("big.bin", Engine.bytes(3000, 1)).commitAs("first")
            .tag("v1.0")
            .file("a.txt", "v2").commitAs("second").branch("dev").branch("feature/x").pullRequest(1).build())
        .repo(HubRepo.dataset("acme/d").file("data.csv", "x,y").build())
        .repo(HubRepo.space("acme/s").file("app.py", "print()").build())
        .repo(HubRepo.model("acme/new-name").privateRepo().renamedFrom("acme/old-name").file("c.json", "{}").build())
        .token(TOKEN, "alice", "acme/new-name")
        .resolveCacheRedirects(true)
        .start();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  static String text(Path p) {
    return new String(Engine.read(p), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void branchesTagsCommitsAndPullRequestsResolveToTheirSnapshots(Supplier<FileFetcher> transport) throws Exception {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    String first = local.commit(REPO, "v1.0");
    String second = local.commit(REPO, "main");
    assertThat(first).isNotEqualTo(second);

    assertThat(text(hub.download(REPO, "a.txt", "v1.0"))).isEqualTo("v1");
    assertThat(text(hub.download(REPO, "a.txt", "dev"))).isEqualTo("v2");
    assertThat(text(hub.download(REPO, "a.txt", "feature/x"))).isEqualTo("v2");
    assertThat(text(hub.download(REPO, "a.txt", "refs/pr/1"))).isEqualTo("v2");
    assertThat(text(hub.download(REPO, "a.txt", first))).isEqualTo("v1");
    Path viaShort = hub.download(REPO, "a.txt", first.substring(0, 7));
    assertThat(viaShort).isEqualTo(cache.resolve("models--acme--m/snapshots/" + first + "/a.txt"));

    Path refs = cache.resolve("models--acme--m/refs");
    assertThat(Files.readString(refs.resolve("v1.0"))).isEqualTo(first);
    assertThat(Files.readString(refs.resolve("feature/x"))).isEqualTo(second);
    assertThat(Files.readString(refs.resolve("refs/pr/1"))).isEqualTo(second);
    assertThat(local.requests()).extracting(RecordedRequest::rawPath)
        .contains("/acme/m/resolve/refs%2Fpr%2F1/a.txt", "/acme/m/resolve/feature%2Fx/a.txt");
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aCommitPinnedCachedFileNeedsNoRequest(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    String commit = local.commit(REPO);
    hub.download(REPO, "big.bin", commit);
    local.clearRequests();

    assertThat(hub.download(REPO, "big.bin", commit)).exists();
    assertThat(local.requests()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aCachedFileIsRevalidatedWithItsEtagAndNotDownloadedAgain(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    hub.download(REPO, "a.txt");
    local.clearRequests();

    hub.download(REPO, "a.txt");

    assertThat(local.requests()).extracting(RecordedRequest::method).containsOnly("HEAD");
    assertThat(local.requests().get(0).header("If-None-Match")).isPresent();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aNewCommitWithTheSameContentLinksTheExistingBlobWithoutAGet(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    Path before = hub.download(REPO, "big.bin");
    String newCommit = local.putFile(REPO, "other.txt", "new".getBytes(StandardCharsets.UTF_8));
    local.clearRequests();

    Path after = hub.download(REPO, "big.bin");

    assertThat(after).isEqualTo(cache.resolve("models--acme--m/snapshots/" + newCommit + "/big.bin"));
    assertThat(Engine.read(after)).isEqualTo(Engine.read(before));
    assertThat(Engine.gets(local)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void anUpdatedFileOnTheBranchIsDownloadedAgain(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    hub.download(REPO, "a.txt");
    local.putFile(REPO, "a.txt", "v3".getBytes(StandardCharsets.UTF_8));

    assertThat(text(hub.download(REPO, "a.txt"))).isEqualTo("v3");
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void datasetsAndSpacesUseTheirUrlPrefixesAndCacheFolders(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get()).build();
    Path data = hub.download(RepoType.DATASET, "acme/d", "data.csv", "main");
    Path app = hub.download("acme/s", "app.py", DownloadOptions.builder().repoType(RepoType.SPACE).build());

    assertThat(data).startsWith(cache.resolve("datasets--acme--d"));
    assertThat(app).startsWith(cache.resolve("spaces--acme--s"));
    assertThat(local.requests()).extracting(RecordedRequest::rawPath)
        .contains("/datasets/acme/d/resolve/main/data.csv", "/spaces/acme/s/resolve/main/app.py");
    Path snapshot = hub.snapshot("acme/d", DownloadOptions.builder().repoType(RepoType.DATASET).build(),
        java.util.List.of(), java.util.List.of());
    assertThat(snapshot.resolve("data.csv")).exists();
    assertThat(local.requests()).extracting(RecordedRequest::rawPath).anyMatch(p -> p.startsWith("/api/datasets/acme/d"));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aRenamedPrivateRepoIsFollowedOnTheSameOriginWithTheToken(Supplier<FileFetcher> transport) {
    Hub hub = Engine.hub(local, cache, transport.get(), TOKEN).build();

    assertThat(text(hub.download("acme/old-name", "c.json"))).isEqualTo("{}");
    assertThat(local.requests()).allSatisfy(r ->
        assertThat(r.header("Authorization")).as(r.toString()).contains("Bearer " + TOKEN));
    assertThat(local.requests()).extracting(RecordedRequest::rawPath).anyMatch(p -> p.startsWith("/acme/new-name/"));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void everyRequestNamesTheSdkJavaAndTheTransport(Supplier<FileFetcher> transport) {
    FileFetcher fetcher = transport.get();
    Hub hub = Engine.hub(local, cache, fetcher, TOKEN).build();
    hub.download(REPO, "a.txt");
    hub.download(REPO, "big.bin");
    hub.snapshot(REPO);
    hub.whoami();

    assertThat(local.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("User-Agent")).as(r.toString())
        .hasValueSatisfying(ua -> assertThat(ua)
            .matches("transformers-java/[^;]+; java/\\d+; " + java.util.regex.Pattern.quote(fetcher.agent()))));
  }
}
