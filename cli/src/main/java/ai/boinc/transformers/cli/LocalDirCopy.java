package ai.boinc.transformers.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code ba download --local-dir DIR}: copies downloaded files out of the cache to {@code DIR/<path
 * in the repo>}, and beside each writes the download metadata huggingface_hub keeps in a local
 * folder, {@code DIR/.cache/huggingface/download/<path>.metadata}: the commit, the file's ETag and
 * the time the metadata was written (seconds since the epoch), one per line. A copy rather than a
 * link: the folder stays valid when the cache is pruned.
 */
final class LocalDirCopy {
  private final Path dir;
  private final Path metadataDir;

  LocalDirCopy(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.metadataDir = this.dir.resolve(".cache").resolve("huggingface");
  }

  /**
   * Copies {@code repoPath} of the snapshot folder {@code snapshot} (named after its commit) and
   * records its metadata; returns the copy.
   */
  Path copy(Path snapshot, String repoPath) {
    Path source = snapshot.resolve(repoPath);
    Path target = inside(dir, repoPath);
    Path metadata = inside(metadataDir.resolve("download"), repoPath + ".metadata");
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".incomplete");
      try {
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      writeGitignore();
      Files.createDirectories(metadata.getParent());
      // Written after the copy: huggingface_hub trusts metadata no older than the file.
      String seconds = BigDecimal.valueOf(System.currentTimeMillis(), 3).toPlainString();
      String text = snapshot.getFileName() + "\n" + etag(source) + "\n" + seconds + "\n";
      Files.write(metadata, text.getBytes(StandardCharsets.UTF_8));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + repoPath + " into " + dir + ": " + e.getMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  /** The blob a cache pointer links to is named after the ETag (git sha1, or sha256 for LFS). */
  private static String etag(Path pointer) throws IOException {
    if (Files.isSymbolicLink(pointer)) {
      return pointer.toRealPath().getFileName().toString();
    }
    // A cache without symbolic links holds copies: the sha256 stands in (at worst a re-download).
    try (InputStream in = Files.newInputStream(pointer)) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : sha256.digest()) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** As huggingface_hub does: git ignores the metadata folder. */
  private void writeGitignore() throws IOException {
    Path gitignore = metadataDir.resolve(".gitignore");
    if (!Files.exists(gitignore)) {
      Files.createDirectories(metadataDir);
      Files.write(gitignore, "*\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code base/slash/path}, refusing a path that would leave {@code base}. */
  private static Path inside(Path base, String slashPath) {
    Path out = base;
    for (String segment : slashPath.split("/")) {
      out = out.resolve(segment);
    }
    out = out.normalize();
    if (!out.startsWith(base) || out.equals(base)) {
      throw new IllegalArgumentException("refusing to write '" + slashPath + "' outside " + base);
    }
    return out;
  }
}
