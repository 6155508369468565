package ai.boinc.transformers.hub;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link HubCache#verify()} found: every blob of the checked repositories was re-hashed
 * against the hash its name carries (SHA-256 for LFS files, the git blob id for git files) and its
 * length compared with the size recorded at download time. Blobs whose name is no hash (a server
 * with other ETags) can only be size-checked and are listed as unverifiable. Immutable.
 */
public final class CacheVerification {
  private final int blobsChecked;
  private final long bytesChecked;
  private final List<DamagedBlob> damaged;
  private final List<Path> unverifiable;

  public CacheVerification(int blobsChecked, long bytesChecked, List<DamagedBlob> damaged, List<Path> unverifiable) {
    this.blobsChecked = blobsChecked;
    this.bytesChecked = bytesChecked;
    this.damaged = List.copyOf(damaged);
    this.unverifiable = List.copyOf(unverifiable);
  }

  public int blobsChecked() {
    return blobsChecked;
  }

  public long bytesChecked() {
    return bytesChecked;
  }

  /** The blobs that failed a check, with the files that use them. */
  public List<DamagedBlob> damaged() {
    return damaged;
  }

  /** Blobs whose name is no hash: only their size could be checked. */
  public List<Path> unverifiable() {
    return unverifiable;
  }

  /** True if nothing is damaged (or everything damaged was repaired). */
  public boolean isClean() {
    return damaged.stream().allMatch(DamagedBlob::repaired);
  }

  @Override
  public String toString() {
    return "CacheVerification{" + blobsChecked + " blobs, " + damaged.size() + " damaged, " + unverifiable.size()
        + " unverifiable}";
  }

  /** One blob that failed its check. */
  public static final class DamagedBlob {
    private final RepoType type;
    private final String repoId;
    private final Path blob;
    private final String problem;
    private final List<String> files;
    private final boolean repaired;

    /**
     * @param files the snapshot files that use the blob, as {@code <commit>/<path in repo>}
     * @param repaired whether the files were downloaded again and now pass the check
     */
    public DamagedBlob(RepoType type, String repoId, Path blob, String problem, List<String> files, boolean repaired) {
      this.type = Objects.requireNonNull(type, "type");
      this.repoId = Objects.requireNonNull(repoId, "repoId");
      this.blob = Objects.requireNonNull(blob, "blob");
      this.problem = Objects.requireNonNull(problem, "problem");
      this.files = List.copyOf(files);
      this.repaired = repaired;
    }

    public RepoType type() {
      return type;
    }

    public String repoId() {
      return repoId;
    }

    public Path blob() {
      return blob;
    }

    /** What is wrong, e.g. {@code has SHA-256 ab12… but its name says 9f3c…}. */
    public String problem() {
      return problem;
    }

    public List<String> files() {
      return files;
    }

    public boolean repaired() {
      return repaired;
    }

    /** A copy marked repaired (or not). */
    public DamagedBlob withRepaired(boolean repaired) {
      return new DamagedBlob(type, repoId, blob, problem, files, repaired);
    }

    @Override
    public String toString() {
      return "DamagedBlob{" + repoId + " " + blob.getFileName() + ": " + problem + (repaired ? ", repaired" : "") + "}";
    }
  }
}
