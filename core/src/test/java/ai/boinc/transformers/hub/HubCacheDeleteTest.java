package ai.boinc.transformers.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.internal.hub.AtomicFiles;
import ai.boinc.transformers.internal.hub.CacheLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheDeleteTest {
  static final String C1 = "1111111111111111111111111111111111111111";
  static final String C2 = "2222222222222222222222222222222222222222";

  @TempDir Path cache;
  CacheLayout tiny;

  void put(CacheLayout layout, String commit, String file, String etag, String content) throws Exception {
    Path blob = layout.blob(etag);
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, content);
    AtomicFiles.link(layout.pointer(commit, file), blob);
  }

  /** Two revisions sharing config.json: v1 = C1 (+ weights.bin), main = C2. */
  @BeforeEach
  void twoRevisions() throws Exception {
    tiny = new CacheLayout(cache, RepoType.MODEL, "acme/tiny");
    put(tiny, C1, "config.json", "aaaa", "12345");
    put(tiny, C1, "weights.bin", "bbbb", "1234567890");
    put(tiny, C2, "config.json", "aaaa", "12345");
    tiny.writeRef("main", C2);
    tiny.writeRef("v1", C1);
  }

  @Test
  void aRevisionTakesItsSnapshotRefsAndOnlyTheBlobsNoOtherRevisionUses() {
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
  void aCommitPrefixNamesARevisionAndTheLastRevisionTakesTheRepository() {
    HubCache hubCache = HubCache.of(cache);

    hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", C1.substring(0, 7), false);
    HubCache.PruneResult last = hubCache.deleteRevision(RepoType.MODEL, "acme/tiny", C2, false);

    assertThat(last.bytes()).isEqualTo(5);
    assertThat(tiny.repoDir()).doesNotExist();
  }

  @Test
  void theWholeRepositoryGoesWithItsSize() {
    HubCache.PruneResult result = HubCache.of(cache).delete(RepoType.MODEL, "acme/tiny", false);

    assertThat(result.files()).containsExactly(tiny.repoDir());
    assertThat(result.bytes()).isEqualTo(15);
    assertThat(tiny.repoDir()).doesNotExist();
    assertThat(cache).exists();
  }

  @Test
  void whatIsNotCachedIsNotFoundAndNamesWhatIs() {
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
