package ai.boinc.transformers.hub;

import ai.boinc.transformers.internal.hub.CacheDeletion;
import ai.boinc.transformers.internal.hub.CacheScanner;
import ai.boinc.transformers.internal.hub.CacheVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is in a local hub cache, and a way to reclaim space. Works on any folder in the shared
 * Hugging Face layout ({@code models--org--name/{blobs,refs,snapshots}}).
 *
 * <pre>{@code
 * HubCache cache = HubCache.of(HubSettings.fromEnvironment().cacheDir());
 * cache.scan().forEach(repo -> System.out.println(repo.repoId() + " " + repo.sizeOnDisk()));
 * long freed = cache.prune(false).bytes();
 * }</pre>
 *
 * <p>Reading is safe while downloads run. Pruning removes only blobs that no snapshot links to
 * and partial files that no download will finish: those of a blob that is complete, and those
 * untouched for a day; never one whose blob's lock a running download holds.
 */
public final class HubCache {
  private final Path cacheDir;

  private HubCache(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  public static HubCache of(Path cacheDir) {
    return new HubCache(Objects.requireNonNull(cacheDir, "cacheDir"));
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * Every repository in the cache, sorted by type and id. A missing cache folder is empty.
   *
   * @throws CacheException if the folder cannot be read
   */
  public List<CachedRepo> scan() {
    return CacheScanner.scan(cacheDir);
  }

  /**
   * Deletes blobs that no snapshot links to, and abandoned partial downloads (see above).
   *
   * @param dryRun count what would be deleted without deleting anything
   * @throws CacheException if the folder cannot be read or a file cannot be deleted
   */
  public PruneResult prune(boolean dryRun) {
    return CacheScanner.prune(cacheDir, dryRun);
  }

  /**
   * Re-hashes every cached blob against its SHA-256 (LFS files) or git blob id and compares its
   * size with the size recorded at download time. Reads every byte of the cache; to repair what it
   * finds, use {@link Hub#verify(boolean)}, which can download again.
   *
   * @throws CacheException if the folder cannot be read
   */
  public CacheVerification verify() {
    return CacheVerifier.verify(cacheDir, Optional.empty());
  }

  /** Like {@link #verify()}, for the repositories with this id (of any type). */
  public CacheVerification verify(String repoId) {
    return CacheVerifier.verify(cacheDir, Optional.of(Objects.requireNonNull(repoId, "repoId")));
  }

  /**
   * Deletes a cached repository whole.
   *
   * @param dryRun count what would be deleted without deleting anything
   * @throws RepositoryNotFoundException if the repository is not in the cache
   * @throws CacheException if a file cannot be deleted
   */
  public PruneResult delete(RepoType type, String repoId, boolean dryRun) {
    return CacheDeletion.repository(cacheDir, type, repoId, dryRun);
  }

  /**
   * Deletes one cached revision of a repository: its snapshot, the branches and tags that point at
   * it, and the blobs no other revision uses; the whole repository when it was the last one.
   *
   * @param revision a commit hash, 7 or more of its first characters, or a branch or tag the cache
   *     knows
   * @param dryRun count what would be deleted without deleting anything
   * @throws RepositoryNotFoundException if the repository is not in the cache
   * @throws RevisionNotFoundException if the revision is not, or a commit prefix is ambiguous
   * @throws CacheException if a file cannot be deleted
   */
  public PruneResult deleteRevision(RepoType type, String repoId, String revision, boolean dryRun) {
    return CacheDeletion.revision(cacheDir, type, repoId, revision, dryRun);
  }

  /** What {@link #prune}, {@link #delete} or {@link #deleteRevision} removed (or would remove). */
  public static final class PruneResult {
    private final List<Path> files;
    private final long bytes;

    public PruneResult(List<Path> files, long bytes) {
      this.files = List.copyOf(files);
      this.bytes = bytes;
    }

    public List<Path> files() {
      return files;
    }

    public long bytes() {
      return bytes;
    }

    @Override
    public String toString() {
      return "PruneResult{" + files.size() + " files, " + bytes + " bytes}";
    }
  }
}
