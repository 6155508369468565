package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.CacheVerification;
import ai.boinc.transformers.hub.CacheVerification.DamagedBlob;
import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.RepoType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Re-hashes cached blobs against the hash their names carry, and repairs damaged ones by downloading them again. */
public final class CacheVerifier {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");

  private CacheVerifier() {}

  /** Checks every blob of the repositories with id {@code repoId} (any type), or of all when empty. */
  public static CacheVerification verify(Path cacheDir, Optional<String> repoId) {
    int checked = 0;
    long bytes = 0;
    List<DamagedBlob> damaged = new ArrayList<>();
    List<Path> unverifiable = new ArrayList<>();
    try {
      for (Path repoDir : CacheScanner.repoDirs(cacheDir)) {
        Object[] parsed = CacheScanner.parse(repoDir.getFileName().toString());
        RepoType type = (RepoType) parsed[0];
        String id = (String) parsed[1];
        if (repoId.isPresent() && !repoId.get().equals(id)) {
          continue;
        }
        CacheLayout layout = new CacheLayout(cacheDir, type, id);
        Map<String, List<String>> users = users(layout);
        Path blobs = repoDir.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
          continue;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(blobs)) {
          for (Path blob : entries) {
            String etag = blob.getFileName().toString();
            if (!Files.isRegularFile(blob) || PartialFiles.isPartial(etag)) {
              continue;
            }
            checked++;
            bytes += Files.size(blob);
            if (!FileMetadata.isSha256(etag) && !FileMetadata.isGitSha1(etag)) {
              unverifiable.add(blob);
            }
            Optional<String> problem = check(layout, blob);
            if (problem.isPresent()) {
              damaged.add(new DamagedBlob(type, id, blob, problem.get(), users.getOrDefault(etag, List.of()), false));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new CacheException(
          "Could not verify the cache at " + cacheDir + ": " + e + ". Check the folder's permissions.",
          repoId.orElse(null), null, null, e);
    }
    return new CacheVerification(checked, bytes, damaged, unverifiable);
  }

  /** What is wrong with a blob: its size against the record, then its content against its name's hash. */
  static Optional<String> check(CacheLayout layout, Path blob) throws IOException {
    String etag = blob.getFileName().toString();
    Optional<String> sizeProblem = BlobSizes.problem(layout, blob, BlobSizes.recorded(layout, etag));
    if (sizeProblem.isPresent()) {
      return sizeProblem;
    }
    long size = Files.size(blob);
    Hasher hasher = Hasher.forEtag(etag, OptionalLong.of(size));
    if (!hasher.checks()) {
      return Optional.empty();
    }
    byte[] buffer = new byte[Digester.BUFFER_SIZE];
    try (InputStream in = Files.newInputStream(blob)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        hasher.update(buffer, n);
      }
    }
    String actual = hasher.finish().orElseThrow();
    return actual.equals(etag)
        ? Optional.empty()
        : Optional.of("has " + hasher.name + " " + actual + " but its name (the hub's ETag) says " + etag);
  }

  /**
   * Downloads the files of each damaged blob again (at their snapshot's commit, replacing the blob)
   * and checks the blob once more; a damaged blob no snapshot uses is deleted.
   */
  public static CacheVerification repair(CacheVerification found, Downloader downloader) {
    List<DamagedBlob> result = new ArrayList<>();
    for (DamagedBlob damaged : found.damaged()) {
      result.add(damaged.withRepaired(repair(damaged, downloader)));
    }
    return new CacheVerification(found.blobsChecked(), found.bytesChecked(), result, found.unverifiable());
  }

  private static boolean repair(DamagedBlob damaged, Downloader downloader) {
    try {
      if (damaged.files().isEmpty()) {
        Files.deleteIfExists(damaged.blob());
        return true;
      }
      for (String file : damaged.files()) {
        int slash = file.indexOf('/');
        DownloadOptions atCommit = DownloadOptions.builder().repoType(damaged.type())
            .revision(file.substring(0, slash)).forceDownload(true).build();
        downloader.download(damaged.repoId(), file.substring(slash + 1), atCommit);
      }
      CacheLayout layout = new CacheLayout(downloader.config().settings.cacheDir(), damaged.type(), damaged.repoId());
      return Files.exists(damaged.blob()) && check(layout, damaged.blob()).isEmpty();
    } catch (IOException | HubException e) {
      LOG.log(Level.WARNING, "could not repair {0}: {1}", damaged.blob(), e.getMessage());
      return false;
    }
  }

  /** For each blob name, the snapshot files that link to it, as {@code <commit>/<path>}. */
  private static Map<String, List<String>> users(CacheLayout layout) throws IOException {
    Map<String, List<String>> users = new HashMap<>();
    Path snapshots = layout.repoDir().resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      return users;
    }
    for (Path file : CacheScanner.files(snapshots)) {
      Optional<String> etag = Downloader.etagOf(file);
      if (etag.isPresent()) {
        String relative = snapshots.relativize(file).toString().replace('\\', '/');
        users.computeIfAbsent(etag.get(), e -> new ArrayList<>()).add(relative);
      }
    }
    users.values().forEach(list -> list.sort(null));
    return users;
  }
}
