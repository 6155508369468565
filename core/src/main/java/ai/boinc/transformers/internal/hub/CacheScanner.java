package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.CachedRepo;
import ai.boinc.transformers.hub.CachedRevision;
import ai.boinc.transformers.hub.HubCache;
import ai.boinc.transformers.hub.RepoType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads and prunes the cache layout; see {@link HubCache}. */
public final class CacheScanner {
  private CacheScanner() {}

  public static List<CachedRepo> scan(Path cacheDir) {
    try {
      List<CachedRepo> repos = new ArrayList<>();
      for (Path repoDir : repoDirs(cacheDir)) {
        repos.add(scanRepo(repoDir));
      }
      repos.sort(Comparator.comparing((CachedRepo r) -> r.type().ordinal()).thenComparing(CachedRepo::repoId));
      return repos;
    } catch (IOException e) {
      throw new CacheException(
          "Could not read the cache at " + cacheDir + ": " + e + ". Check the folder's permissions.",
          null, null, null, e);
    }
  }

  public static HubCache.PruneResult prune(Path cacheDir, boolean dryRun) {
    List<Path> removed = new ArrayList<>();
    long bytes = 0;
    try {
      for (Path repoDir : repoDirs(cacheDir)) {
        Set<Path> referenced = referencedBlobs(repoDir);
        Path blobs = repoDir.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
          continue;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(blobs)) {
          for (Path blob : entries) {
            if (!Files.isRegularFile(blob) || referenced.contains(blob.toRealPath())) {
              continue;
            }
            if (PartialFiles.isPartial(blob.getFileName().toString()) && !isAbandoned(cacheDir, repoDir, blob)) {
              continue;
            }
            bytes += Files.size(blob);
            removed.add(blob);
            if (!dryRun) {
              Files.deleteIfExists(blob);
              // its size record, if it was a blob (a partial file has none)
              Files.deleteIfExists(repoDir.resolve(".sizes").resolve(blob.getFileName().toString()));
            }
          }
        }
      }
      return new HubCache.PruneResult(removed, bytes);
    } catch (IOException e) {
      throw new CacheException(
          "Could not prune the cache at " + cacheDir + ": " + e + ". Check the folder's permissions.",
          null, null, null, e);
    }
  }

  /**
   * A partial download nobody will finish: no download holds its blob's lock, and either the blob
   * is complete or the file was not touched for a day (a resumable one is kept that long).
   */
  private static boolean isAbandoned(Path cacheDir, Path repoDir, Path partial) throws IOException {
    String etag = PartialFiles.etagOf(partial.getFileName().toString());
    Path lock = cacheDir.resolve(".locks").resolve(repoDir.getFileName()).resolve(etag + ".lock");
    if (BlobLocks.isHeld(lock)) {
      return false;
    }
    return Files.exists(partial.resolveSibling(etag))
        || Files.getLastModifiedTime(partial).toMillis() < System.currentTimeMillis() - 86_400_000L;
  }

  static List<Path> repoDirs(Path cacheDir) throws IOException {
    if (!Files.isDirectory(cacheDir)) {
      return List.of();
    }
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(cacheDir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry) && parse(entry.getFileName().toString()) != null) {
          dirs.add(entry);
        }
      }
    }
    return dirs;
  }

  /** {@code models--org--name} to type and id, or null for folders that are not repositories. */
  static Object[] parse(String folder) {
    int separator = folder.indexOf("--");
    if (separator < 0) {
      return null;
    }
    String plural = folder.substring(0, separator);
    for (RepoType type : RepoType.values()) {
      if (type.plural().equals(plural)) {
        return new Object[] {type, folder.substring(separator + 2).replace("--", "/")};
      }
    }
    return null;
  }

  private static CachedRepo scanRepo(Path repoDir) throws IOException {
    Object[] parsed = parse(repoDir.getFileName().toString());
    Map<String, List<String>> refsByCommit = refs(repoDir.resolve("refs"));
    List<CachedRevision> revisions = new ArrayList<>();
    Path snapshots = repoDir.resolve("snapshots");
    if (Files.isDirectory(snapshots)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(snapshots)) {
        for (Path snapshot : entries) {
          String commit = snapshot.getFileName().toString();
          List<Path> files = files(snapshot);
          long size = 0;
          for (Path file : files) {
            size += Files.exists(file) ? Files.size(file) : 0;
          }
          revisions.add(new CachedRevision(commit, refsByCommit.getOrDefault(commit, List.of()), snapshot, files.size(), size));
        }
      }
    }
    revisions.sort(Comparator.comparing(CachedRevision::commit));
    long onDisk = 0;
    Path blobs = repoDir.resolve("blobs");
    if (Files.isDirectory(blobs)) {
      try (Stream<Path> entries = Files.list(blobs)) {
        for (Path blob : entries.collect(Collectors.toList())) {
          onDisk += Files.isRegularFile(blob) ? Files.size(blob) : 0;
        }
      }
    }
    return new CachedRepo((RepoType) parsed[0], (String) parsed[1], repoDir, onDisk, revisions);
  }

  private static Map<String, List<String>> refs(Path refsDir) throws IOException {
    Map<String, List<String>> byCommit = new HashMap<>();
    if (!Files.isDirectory(refsDir)) {
      return byCommit;
    }
    try (Stream<Path> files = Files.walk(refsDir)) {
      for (Path ref : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        try {
          String commit = new String(Files.readAllBytes(ref), StandardCharsets.US_ASCII).trim();
          String name = refsDir.relativize(ref).toString().replace('\\', '/');
          byCommit.computeIfAbsent(commit, c -> new ArrayList<>()).add(name);
        } catch (NoSuchFileException e) {
          // Replaced while we looked: skip it.
        }
      }
    }
    byCommit.values().forEach(names -> names.sort(null));
    return byCommit;
  }

  static List<Path> files(Path snapshot) throws IOException {
    try (Stream<Path> files = Files.walk(snapshot)) {
      return files.filter(p -> !Files.isDirectory(p)).collect(Collectors.toList());
    }
  }

  private static Set<Path> referencedBlobs(Path repoDir) throws IOException {
    Set<Path> referenced = new HashSet<>();
    Path snapshots = repoDir.resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      return referenced;
    }
    for (Path file : files(snapshots)) {
      if (Files.isSymbolicLink(file) && Files.exists(file)) {
        referenced.add(file.toRealPath());
      }
    }
    return referenced;
  }
}
