package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.hub.RepoType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLayoutTest {
  private static final String COMMIT = "5f1e0000000000000000000000000000000000c2";
  private static final String OTHER_COMMIT = "77aa000000000000000000000000000000000001";
  private static final String ETAG = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

  @TempDir Path cache;

  @Test
  void folderNamesFollowTheSharedLayout() {
    assertThat(new CacheLayout(cache, RepoType.MODEL, "org/name").repoDir()).isEqualTo(cache.resolve("models--org--name"));
    assertThat(new CacheLayout(cache, RepoType.MODEL, "gpt2").repoDir()).isEqualTo(cache.resolve("models--gpt2"));
    assertThat(new CacheLayout(cache, RepoType.DATASET, "org/ds").repoDir()).isEqualTo(cache.resolve("datasets--org--ds"));
    assertThat(new CacheLayout(cache, RepoType.SPACE, "org/app").repoDir()).isEqualTo(cache.resolve("spaces--org--app"));
    assertThat(new CacheLayout(cache, RepoType.MODEL, "org/name").cacheDir()).isEqualTo(cache);
  }

  @Test
  void pathsInsideTheRepoFolder() {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    Path repo = cache.resolve("models--org--name");
    assertThat(layout.blob(ETAG)).isEqualTo(repo.resolve("blobs").resolve(ETAG));
    assertThat(layout.snapshot(COMMIT)).isEqualTo(repo.resolve("snapshots").resolve(COMMIT));
    assertThat(layout.pointer(COMMIT, "config.json"))
        .isEqualTo(repo.resolve("snapshots").resolve(COMMIT).resolve("config.json"));
    assertThat(layout.pointer(COMMIT, "onnx/fp16/model.onnx"))
        .isEqualTo(repo.resolve("snapshots").resolve(COMMIT).resolve("onnx").resolve("fp16").resolve("model.onnx"));
    assertThat(layout.noExist(COMMIT, "sub/added_tokens.json"))
        .isEqualTo(repo.resolve(".no_exist").resolve(COMMIT).resolve("sub").resolve("added_tokens.json"));
    assertThat(layout.ref("main")).isEqualTo(repo.resolve("refs").resolve("main"));
    assertThat(layout.ref("refs/pr/1")).isEqualTo(repo.resolve("refs").resolve("refs").resolve("pr").resolve("1"));
    assertThat(layout.lock(ETAG))
        .isEqualTo(cache.resolve(".locks").resolve("models--org--name").resolve(ETAG + ".lock"));
  }

  @Test
  void writeRefThenReadRef() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    assertThat(layout.readRef("main")).isEmpty();

    layout.writeRef("main", COMMIT);
    assertThat(layout.readRef("main")).contains(COMMIT);
    assertThat(Files.readString(layout.ref("main"), StandardCharsets.US_ASCII))
        .as("40 hex digits, no newline")
        .isEqualTo(COMMIT);

    layout.writeRef("main", OTHER_COMMIT);
    assertThat(layout.readRef("main")).contains(OTHER_COMMIT);
  }

  @Test
  void refsWithSlashesNest() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.DATASET, "org/ds");
    layout.writeRef("refs/pr/1", COMMIT);
    assertThat(Files.isRegularFile(cache.resolve("datasets--org--ds/refs/refs/pr/1"))).isTrue();
    assertThat(layout.readRef("refs/pr/1")).contains(COMMIT);
    assertThat(layout.readRef("refs/pr/2")).isEmpty();
  }

  @Test
  void anUnchangedRefIsNotRewritten() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    layout.writeRef("main", COMMIT);
    Path ref = layout.ref("main");
    FileTime marker = FileTime.fromMillis(86_400_000L);
    Files.setLastModifiedTime(ref, marker);
    Object fileKey = Files.readAttributes(ref, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

    layout.writeRef("main", COMMIT);

    assertThat(Files.getLastModifiedTime(ref)).isEqualTo(marker);
    if (fileKey != null) {
      assertThat(Files.readAttributes(ref, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
          .isEqualTo(fileKey);
    }
    try (Stream<Path> files = Files.list(ref.getParent())) {
      assertThat(files).containsExactly(ref);
    }
  }

  @Test
  void aChangedRefIsReplaced() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    layout.writeRef("v1.0", COMMIT);
    Path ref = layout.ref("v1.0");
    FileTime marker = FileTime.fromMillis(86_400_000L);
    Files.setLastModifiedTime(ref, marker);

    layout.writeRef("v1.0", OTHER_COMMIT);

    assertThat(Files.getLastModifiedTime(ref)).isNotEqualTo(marker);
    assertThat(layout.readRef("v1.0")).contains(OTHER_COMMIT);
  }

  @Test
  void aCommitIsItsOwnRefAndIsNeverWritten() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    assertThat(layout.readRef(COMMIT)).contains(COMMIT);
    layout.writeRef(COMMIT, COMMIT);
    assertThat(layout.repoDir()).doesNotExist();
  }

  @Test
  void readRefToleratesATrailingNewlineAndIgnoresGarbage() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    Files.createDirectories(layout.ref("main").getParent());
    Files.writeString(layout.ref("main"), COMMIT + "\n");
    assertThat(layout.readRef("main")).contains(COMMIT);
    Files.writeString(layout.ref("main"), "not a commit");
    assertThat(layout.readRef("main")).isEmpty();
  }

  @Test
  void cacheDirTagIsWrittenOnceAndNotReplaced() throws IOException {
    CacheLayout layout = new CacheLayout(cache, RepoType.MODEL, "org/name");
    layout.writeCacheDirTag();
    Path tag = cache.resolve("CACHEDIR.TAG");
    assertThat(Files.readString(tag)).startsWith("Signature: 8a477f597d28d172789f06886806bc55");
    Files.writeString(tag, "Signature: 8a477f597d28d172789f06886806bc55\n# someone else's\n");
    layout.writeCacheDirTag();
    assertThat(Files.readString(tag)).contains("someone else's");
  }
}
