package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.HubCache;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.hub.RepositoryNotFoundException;
import ai.boinc.transformers.hub.RevisionNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deletes a cached repository, or one revision of it: the revision's snapshot, the refs that point
 * at it, and the blobs no other snapshot links to. A repository left without snapshots goes whole.
 * Like pruning, run it when no download of that repository is in progress.
 */
public final class CacheDeletion {
  private CacheDeletion() {}

  /** The whole repository: everything under its folder. */
  public static HubCache.PruneResult repository(Path cacheDir, RepoType type, String repoId, boolean dryRun) {
    CacheLayout layout = layout(cacheDir, type, repoId);
    try {
      long bytes = 0; // file contents (blobs, copies in snapshots), not refs and markers
      for (String part : new String[] {"blobs", "snapshots"}) {
        for (Path file : walk(layout.repoDir().resolve(part))) {
          bytes += Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : 0;
        }
      }
      if (!dryRun) {
        deleteTree(layout.repoDir());
      }
      return new HubCache.PruneResult(List.of(layout.repoDir()), bytes);
    } catch (IOException e) {
      throw failed(layout, repoId, null, e);
    }
  }

  /**
   * One revision: {@code revision} is a commit hash, the first 7 or more characters of a cached
   * commit, or a branch or tag the cache knows.
   */
  public static HubCache.PruneResult revision(
      Path cacheDir, RepoType type, String repoId, String revision, boolean dryRun) {
    CacheLayout layout = layout(cacheDir, type, repoId);
    try {
      String commit = commit(layout, repoId, revision);
      Path snapshot = layout.snapshot(commit);
      Set<Path> keep = new HashSet<>();
      List<Path> otherSnapshots = new ArrayList<>();
      try (DirectoryStream<Path> snapshots = Files.newDirectoryStream(snapshot.getParent())) {
        for (Path other : snapshots) {
          if (!other.equals(snapshot)) {
            otherSnapshots.add(other);
            keep.addAll(blobsOf(other));
          }
        }
      }
      List<Path> deleted = new ArrayList<>();
      long bytes = 0;
      deleted.add(snapshot);
      for (Path file : walk(snapshot)) {
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          bytes += Files.size(file); // a copy instead of a link (file systems without links)
        }
      }
      for (Path blob : blobsOf(snapshot)) {
        if (!keep.contains(blob)) {
          deleted.add(blob);
          bytes += Files.size(blob);
        }
      }
      List<Path> refs = refsTo(layout, commit);
      deleted.addAll(refs);
      if (!dryRun) {
        if (otherSnapshots.isEmpty()) {
          deleteTree(layout.repoDir());
        } else {
          for (Path path : deleted) {
            deleteTree(path);
          }
          deleteTree(layout.repoDir().resolve(".no_exist").resolve(commit));
        }
      }
      return new HubCache.PruneResult(deleted, bytes);
    } catch (IOException e) {
      throw failed(layout, repoId, revision, e);
    }
  }

  private static CacheLayout layout(Path cacheDir, RepoType type, String repoId) {
    HubNames.checkRepoId(repoId);
    CacheLayout layout = new CacheLayout(cacheDir, type, repoId);
    if (!Files.isDirectory(layout.repoDir())) {
      throw new RepositoryNotFoundException("Repository '" + repoId + "' (" + type.plural() + ") is not in the cache at "
          + cacheDir + "; `ba cache list` (or HubCache.scan()) shows what is.", repoId, null, null);
    }
    return layout;
  }

  private static String commit(CacheLayout layout, String repoId, String revision) throws IOException {
    Path snapshots = layout.repoDir().resolve("snapshots");
    List<String> cached = new ArrayList<>();
    if (Files.isDirectory(snapshots)) {
      try (Stream<Path> entries = Files.list(snapshots)) {
        cached = entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
      }
    }
    List<String> matches = new ArrayList<>();
    if (revision.length() >= 7 && revision.matches("[0-9a-f]+")) {
      for (String commit : cached) {
        if (commit.startsWith(revision)) {
          matches.add(commit);
        }
      }
    }
    if (matches.isEmpty() && !revision.matches("[0-9a-f]{40}")) {
      HubNames.checkRevision(revision);
      layout.readRef(revision).filter(cached::contains).ifPresent(matches::add);
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String choices = cached.isEmpty() ? "none" : String.join(", ", cached);
    throw new RevisionNotFoundException("Revision '" + revision + "' of '" + repoId + "' is "
        + (matches.isEmpty() ? "not in the cache" : "ambiguous: give more characters of the commit")
        + "; cached commits: " + choices + ".", repoId, null, revision);
  }

  /** The blobs a snapshot's links point at, as real paths. */
  private static Set<Path> blobsOf(Path snapshot) throws IOException {
    Set<Path> blobs = new HashSet<>();
    for (Path file : walk(snapshot)) {
      if (Files.isSymbolicLink(file) && Files.exists(file)) {
        blobs.add(file.toRealPath());
      }
    }
    return blobs;
  }

  private static List<Path> refsTo(CacheLayout layout, String commit) throws IOException {
    List<Path> refs = new ArrayList<>();
    Path refsDir = layout.repoDir().resolve("refs");
    if (!Files.isDirectory(refsDir)) {
      return refs;
    }
    for (Path ref : walk(refsDir)) {
      if (Files.isRegularFile(ref)
          && new String(Files.readAllBytes(ref), StandardCharsets.US_ASCII).trim().equals(commit)) {
        refs.add(ref);
      }
    }
    return refs;
  }

  private static List<Path> walk(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .collect(Collectors.toList());
    }
  }

  /** Deletes {@code root} and, for a folder, everything in it; links are deleted, not followed. */
  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static CacheException failed(CacheLayout layout, String repoId, String revision, IOException e) {
    return new CacheException("Could not delete from " + layout.repoDir() + ": " + e
        + ". Check the folder's permissions.", repoId, null, revision, e);
  }
}
