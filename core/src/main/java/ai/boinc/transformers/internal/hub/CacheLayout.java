package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.RepoType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cache layout shared with the Hugging Face tools:
 * {@code <cache>/models--org--name/{blobs,refs,snapshots,.no_exist}}.
 */
public final class CacheLayout {
  private final Path cacheDir;
  private final Path repoDir;
  private final String folderName;

  public CacheLayout(Path cacheDir, RepoType type, String repoId) {
    this.cacheDir = cacheDir;
    this.folderName = type.plural() + "--" + repoId.replace("/", "--");
    this.repoDir = cacheDir.resolve(folderName);
  }

  public Path cacheDir() {
    return cacheDir;
  }

  public Path repoDir() {
    return repoDir;
  }

  public Path blob(String etag) {
    return repoDir.resolve("blobs").resolve(etag);
  }

  /** {@code snapshots/<commit>/<path>}: the path users get, a relative link to the blob. */
  public Path pointer(String commit, String filename) {
    return resolvePath(repoDir.resolve("snapshots").resolve(commit), filename);
  }

  public Path snapshot(String commit) {
    return repoDir.resolve("snapshots").resolve(commit);
  }

  /** {@code refs/<revision>}: a file holding the commit the revision pointed at. */
  public Path ref(String revision) {
    return resolvePath(repoDir.resolve("refs"), revision);
  }

  /** {@code .no_exist/<commit>/<path>}: remembers that a file is absent at a commit. */
  public Path noExist(String commit, String filename) {
    return resolvePath(repoDir.resolve(".no_exist").resolve(commit), filename);
  }

  public Path lock(String etag) {
    return cacheDir.resolve(".locks").resolve(folderName).resolve(etag + ".lock");
  }

  /** The commit that {@code revision} pointed at when last seen, if known. */
  public Optional<String> readRef(String revision) throws IOException {
    if (HubNames.isCommitHash(revision)) {
      return Optional.of(revision);
    }
    try {
      String commit = new String(Files.readAllBytes(ref(revision)), StandardCharsets.US_ASCII).trim();
      return HubNames.isCommitHash(commit) ? Optional.of(commit) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Records that {@code revision} points at {@code commit}, atomically, only when it changed. */
  public void writeRef(String revision, String commit) throws IOException {
    if (revision.equals(commit)) {
      return;
    }
    Optional<String> current = readRef(revision);
    if (current.isPresent() && current.get().equals(commit)) {
      return;
    }
    AtomicFiles.write(ref(revision), commit.getBytes(StandardCharsets.US_ASCII));
  }

  /** Tags the cache root so backup tools skip it (the cache-directory tagging standard). */
  public void writeCacheDirTag() {
    Path tag = cacheDir.resolve("CACHEDIR.TAG");
    if (Files.exists(tag)) {
      return;
    }
    try {
      AtomicFiles.write(
          tag,
          ("Signature: 8a477f597d28d172789f06886806bc55\n"
                  + "# This file is a cache directory tag created by transformers-java.\n")
              .getBytes(StandardCharsets.US_ASCII));
    } catch (IOException ignored) {
      // Best effort: a missing tag only means backups include the cache.
    }
  }

  private static Path resolvePath(Path base, String slashPath) {
    Path out = base;
    for (String segment : slashPath.split("/")) {
      out = out.resolve(segment);
    }
    return out;
  }
}
