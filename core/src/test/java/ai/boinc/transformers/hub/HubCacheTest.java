package ai.boinc.transformers.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.internal.hub.AtomicFiles;
import ai.boinc.transformers.internal.hub.CacheLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheTest {
  static final String C1 = "1111111111111111111111111111111111111111";
  static final String C2 = "2222222222222222222222222222222222222222";

  @TempDir Path cache;

  CacheLayout layout(RepoType type, String repo) {
    return new CacheLayout(cache, type, repo);
  }

  void put(CacheLayout layout, String commit, String file, String etag, String content) throws Exception {
    Path blob = layout.blob(etag);
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, content);
    AtomicFiles.link(layout.pointer(commit, file), blob);
  }

  @Test
  void anEmptyOrMissingCacheHasNoRepos() {
    assertThat(HubCache.of(cache.resolve("missing")).scan()).isEmpty();
    assertThat(HubCache.of(cache).scan()).isEmpty();
  }

  @Test
  void scanListsReposRevisionsRefsAndSizes() throws Exception {
    CacheLayout model = layout(RepoType.MODEL, "acme/tiny");
    put(model, C1, "config.json", "aaaa", "12345");
    put(model, C1, "sub/dir/x.bin", "bbbb", "1234567890");
    put(model, C2, "config.json", "aaaa", "12345");
    model.writeRef("main", C2);
    model.writeRef("v1", C1);
    put(layout(RepoType.DATASET, "acme/data"), C1, "d.csv", "cccc", "abc");
    Files.createDirectories(cache.resolve(".locks"));

    List<CachedRepo> repos = HubCache.of(cache).scan();

    assertThat(repos).extracting(CachedRepo::repoId).containsExactly("acme/tiny", "acme/data");
    CachedRepo tiny = repos.get(0);
    assertThat(tiny.type()).isEqualTo(RepoType.MODEL);
    assertThat(tiny.sizeOnDisk()).isEqualTo(15);
    assertThat(tiny.revisions()).extracting(CachedRevision::commit).containsExactly(C1, C2);
    assertThat(tiny.revisions().get(0).refs()).containsExactly("v1");
    assertThat(tiny.revisions().get(0).files()).isEqualTo(2);
    assertThat(tiny.revisions().get(0).size()).isEqualTo(15);
    assertThat(tiny.revisions().get(1).refs()).containsExactly("main");
    assertThat(repos.get(1).type()).isEqualTo(RepoType.DATASET);
  }

  @Test
  void pruneRemovesOnlyUnreferencedBlobsAndOldTempFiles() throws Exception {
    CacheLayout model = layout(RepoType.MODEL, "acme/tiny");
    put(model, C1, "config.json", "aaaa", "12345");
    Files.writeString(model.blob("orphan"), "123");
    Path orphanSize = model.repoDir().resolve(".sizes").resolve("orphan");
    Files.createDirectories(orphanSize.getParent());
    Files.writeString(orphanSize, "3");
    Path youngTemp = model.blob("cccc.1234.incomplete");
    Files.writeString(youngTemp, "12");
    Path oldTemp = model.blob("dddd.5678.incomplete");
    Files.writeString(oldTemp, "1234");
    Files.setLastModifiedTime(oldTemp, FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));

    HubCache.PruneResult dry = HubCache.of(cache).prune(true);
    assertThat(dry.files()).containsExactlyInAnyOrder(model.blob("orphan"), oldTemp);
    assertThat(dry.bytes()).isEqualTo(7);
    assertThat(model.blob("orphan")).exists();

    HubCache.PruneResult done = HubCache.of(cache).prune(false);
    assertThat(done.bytes()).isEqualTo(7);
    assertThat(model.blob("orphan")).doesNotExist();
    assertThat(orphanSize).doesNotExist();
    assertThat(oldTemp).doesNotExist();
    assertThat(youngTemp).exists();
    assertThat(model.blob("aaaa")).exists();
    assertThat(Files.readString(model.pointer(C1, "config.json"))).isEqualTo("12345");
  }

  @Test
  void pruneRemovesPartialFilesOfCompleteBlobsAndOldOnesButNeverOneWhoseDownloadHoldsTheLock() throws Exception {
    CacheLayout model = layout(RepoType.MODEL, "acme/tiny");
    put(model, C1, "config.json", "aaaa", "12345");
    Path ofCompleteBlob = model.blob("aaaa.incomplete");
    Files.writeString(ofCompleteBlob, "12");
    Path resumable = model.blob("eeee.incomplete");
    Files.writeString(resumable, "123");
    Path oldButLocked = model.blob("ffff.incomplete");
    Files.writeString(oldButLocked, "1234");
    Files.setLastModifiedTime(oldButLocked, FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));
    Path lockFile = model.lock("ffff");
    Files.createDirectories(lockFile.getParent());

    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = channel.lock()) {
      assertThat(HubCache.of(cache).prune(false).files()).containsExactly(ofCompleteBlob);
    }
    assertThat(resumable).exists();
    assertThat(HubCache.of(cache).prune(false).files()).containsExactly(oldButLocked);
  }

  /** Two revisions sharing config.json: v1 = C1 (+ weights.bin), main = C2. */
  CacheLayout twoRevisions() throws Exception {
    CacheLayout tiny = layout(RepoType.MODEL, "acme/tiny");
    put(tiny, C1, "config.json", "aaaa", "12345");
    put(tiny, C1, "weights.bin", "bbbb", "1234567890");
    put(tiny, C2, "config.json", "aaaa", "12345");
    tiny.writeRef("main", C2);
    tiny.writeRef("v1", C1);
    return tiny;
  }

  @Test
  void aRevisionTakesItsSnapshotRefsAndOnlyTheBlobsNoOtherRevisionUses() throws Exception {
    CacheLayout tiny = twoRevisions();
    HubCache hubCache = HubCache.of(cache);

    HubCache.PruneResult plan = hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", "v1", true);
    assertThat(plan.bytes()).isEqualTo(10);
    assertThat(plan.files()).containsExactlyInAnyOrder(tiny.snapshot(C1), tiny.blob("bbbb"), tiny.ref("v1"));
    assertThat(tiny.snapshot(C1)).exists(); // a dry run

    hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", "v1", false);

    assertThat(tiny.snapshot(C1)).doesNotExist();
    assertThat(tiny.blob("bbbb")).doesNotExist();
    assertThat(tiny.ref("v1")).doesNotExist();
    assertThat(tiny.blob("aaaa")).hasContent("12345");
    assertThat(tiny.pointer(C2, "config.json")).hasContent("12345");
    assertThat(hubCache.scan()).singleElement().satisfies(repo ->
        assertThat(repo.revisions()).extracting(CachedRevision::commit).containsExactly(C2));
  }

  @Test
  void aCommitPrefixNamesARevisionAndTheLastRevisionTakesTheRepository() throws Exception {
    CacheLayout tiny = twoRevisions();
    HubCache hubCache = HubCache.of(cache);

    hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", C1.substring(0, 7), false);
    HubCache.PruneResult last = hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", C2, false);

    assertThat(last.bytes()).isEqualTo(5);
    assertThat(tiny.repoDir()).doesNotExist();
  }

  @Test
  void theWholeRepositoryGoesWithItsSize() throws Exception {
    CacheLayout tiny = twoRevisions();
    HubCache.PruneResult result = HubCache.of(cache).delete(RepoType.MODEL, "acme/tiny", false);

    assertThat(result.files()).containsExactly(tiny.repoDir());
    assertThat(result.bytes()).isEqualTo(15);
    assertThat(tiny.repoDir()).doesNotExist();
    assertThat(cache).exists();
  }

  @Test
  void whatIsNotCachedIsNotFoundAndNamesWhatIs() throws Exception {
    CacheLayout tiny = twoRevisions();
    HubCache hubCache = HubCache.of(cache);

    assertThatThrownBy(() -> hubCache.delete(RepoType.DATASET, "acme/tiny", false))
        .isInstanceOf(RepositoryNotFoundException.class).hasMessageContaining("'acme/tiny' (datasets)");
    assertThatThrownBy(() -> hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", "v9", false))
        .isInstanceOf(RevisionNotFoundException.class).hasMessageContaining("'v9'").hasMessageContaining(C1);
    assertThatThrownBy(() -> hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", "../x", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tiny.snapshot(C1)).exists();
  }
}
