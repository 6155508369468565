package ai.boinc.transformers.hub;

import java.nio.file.Path;
import java.util.List;

/** One repository found in the local cache, with its revisions. Immutable. */
public final class CachedRepo {
  private final RepoType type;
  private final String repoId;
  private final Path path;
  private final long sizeOnDisk;
  private final List<CachedRevision> revisions;

  public CachedRepo(RepoType type, String repoId, Path path, long sizeOnDisk, List<CachedRevision> revisions) {
    this.type = type;
    this.repoId = repoId;
    this.path = path;
    this.sizeOnDisk = sizeOnDisk;
    this.revisions = List.copyOf(revisions);
  }

  public RepoType type() {
    return type;
  }

  public String repoId() {
    return repoId;
  }

  /** The repository's folder, e.g. {@code <cache>/models--org--name}. */
  public Path path() {
    return path;
  }

  /** Bytes of every blob of the repository (each blob counted once). */
  public long sizeOnDisk() {
    return sizeOnDisk;
  }

  /** Cached snapshots, one per commit, newest first by modification time. */
  public List<CachedRevision> revisions() {
    return revisions;
  }

  @Override
  public String toString() {
    return "CachedRepo{" + type.plural() + "/" + repoId + ", " + sizeOnDisk + " bytes, " + revisions.size() + " revisions}";
  }
}
