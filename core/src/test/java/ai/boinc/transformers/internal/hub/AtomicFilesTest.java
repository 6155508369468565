package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  private static final String COMMIT = "5f1e0000000000000000000000000000000000c2";

  @TempDir Path dir;

  /** Where the file system has no symbolic links (Windows without developer mode), link() copies. */
  private void assumeSymlinks() throws IOException {
    assumeTrue(canLink(), "this file system has no symbolic links (never the case on Linux CI)");
  }

  private boolean canLink() throws IOException {
    Path probe = dir.resolve("symlink-probe");
    try {
      Files.createSymbolicLink(probe, Path.of("target"));
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
    Files.delete(probe);
    return true;
  }

  private static List<Path> tree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> !p.equals(root)).map(root::relativize).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writeCreatesParentsAndLeavesNoTempFiles() throws IOException {
    Path target = dir.resolve("a/b/refs/main");
    AtomicFiles.write(target, COMMIT.getBytes(StandardCharsets.US_ASCII));
    assertThat(Files.readString(target)).isEqualTo(COMMIT);
    assertThat(tree(dir)).containsExactly(Path.of("a"), Path.of("a/b"), Path.of("a/b/refs"), Path.of("a/b/refs/main"));
  }

  @Test
  void writeReplacesExistingContent() throws IOException {
    Path target = dir.resolve("file");
    AtomicFiles.write(target, "a much longer first version".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "short".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("short");
    assertThat(tree(dir)).containsExactly(Path.of("file"));
  }

  @Test
  void writeOfEmptyContent() throws IOException {
    Path target = dir.resolve("empty");
    AtomicFiles.write(target, new byte[0]);
    assertThat(target).isEmptyFile();
  }

  @Test
  void tempSiblingsAreNextToTheTargetAndDistinct() {
    Path target = dir.resolve("blobs/abc");
    Path first = AtomicFiles.tempSibling(target, ".incomplete");
    Path second = AtomicFiles.tempSibling(target, ".incomplete");
    assertThat(first.getParent()).isEqualTo(target.getParent());
    assertThat(first.getFileName().toString()).startsWith("abc.").endsWith(".incomplete");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void moveRenames() throws IOException {
    Path source = dir.resolve("x.incomplete");
    Files.writeString(source, "content");
    Path target = dir.resolve("x");
    AtomicFiles.move(source, target);
    assertThat(source).doesNotExist();
    assertThat(Files.readString(target)).isEqualTo("content");
  }

  @Test
  void linkIsARelativeSymlinkToTheBlob() throws IOException {
    assumeSymlinks();
    Path repo = dir.resolve("models--org--name");
    Path blob = repo.resolve("blobs/0123abcd");
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, "{\"a\":1}");
    Path pointer = repo.resolve("snapshots").resolve(COMMIT).resolve("config.json");

    AtomicFiles.link(pointer, blob);

    assertThat(Files.isSymbolicLink(pointer)).isTrue();
    Path target = Files.readSymbolicLink(pointer);
    assertThat(target.isAbsolute()).isFalse();
    assertThat(target).isEqualTo(Path.of("..", "..", "blobs", "0123abcd"));
    assertThat(pointer.getParent().resolve(target).normalize()).isEqualTo(blob.normalize());
    assertThat(Files.readString(pointer)).isEqualTo("{\"a\":1}");
    assertThat(tree(pointer.getParent())).containsExactly(Path.of("config.json"));
  }

  @Test
  void linkInASubfolderClimbsOneLevelMorePerFolder() throws IOException {
    assumeSymlinks();
    Path repo = dir.resolve("models--org--name");
    Path blob = repo.resolve("blobs/feed");
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, "onnx");
    Path pointer = repo.resolve("snapshots").resolve(COMMIT).resolve("onnx/fp16/model.onnx");

    AtomicFiles.link(pointer, blob);

    assertThat(Files.readSymbolicLink(pointer)).isEqualTo(Path.of("..", "..", "..", "..", "blobs", "feed"));
    assertThat(Files.readString(pointer)).isEqualTo("onnx");
  }

  @Test
  void theLinkSurvivesMovingTheWholeCache() throws IOException {
    Path repo = dir.resolve("old/models--org--name");
    Path blob = repo.resolve("blobs/beef");
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, "moved");
    AtomicFiles.link(repo.resolve("snapshots").resolve(COMMIT).resolve("f.txt"), blob);

    Files.move(dir.resolve("old"), dir.resolve("new"));

    assertThat(Files.readString(dir.resolve("new/models--org--name/snapshots").resolve(COMMIT).resolve("f.txt")))
        .isEqualTo("moved");
  }

  @Test
  void linkReplacesAnExistingPointer() throws IOException {
    assumeSymlinks();
    Path repo = dir.resolve("models--org--name");
    Path oldBlob = repo.resolve("blobs/old");
    Path newBlob = repo.resolve("blobs/new");
    Files.createDirectories(oldBlob.getParent());
    Files.writeString(oldBlob, "old");
    Files.writeString(newBlob, "new");
    Path pointer = repo.resolve("snapshots").resolve(COMMIT).resolve("f.txt");

    AtomicFiles.link(pointer, oldBlob);
    AtomicFiles.link(pointer, newBlob);

    assertThat(Files.readSymbolicLink(pointer)).isEqualTo(Path.of("..", "..", "blobs", "new"));
    assertThat(Files.readString(pointer)).isEqualTo("new");
    assertThat(Files.readString(oldBlob)).as("the old blob is untouched").isEqualTo("old");
    assertThat(tree(pointer.getParent())).containsExactly(Path.of("f.txt"));
  }

  @Test
  void linkReplacesARegularFileLeftByACopyingTool() throws IOException {
    assumeSymlinks();
    Path repo = dir.resolve("models--org--name");
    Path blob = repo.resolve("blobs/b");
    Files.createDirectories(blob.getParent());
    Files.writeString(blob, "blob");
    Path pointer = repo.resolve("snapshots").resolve(COMMIT).resolve("f.txt");
    Files.createDirectories(pointer.getParent());
    Files.writeString(pointer, "stale copy");

    AtomicFiles.link(pointer, blob);

    assertThat(Files.isSymbolicLink(pointer)).isTrue();
    assertThat(Files.readString(pointer)).isEqualTo("blob");
  }
}
