package ai.boinc.transformers.hub;

import java.nio.file.Path;
import java.util.List;

/** One cached snapshot (commit) of a repository, with the refs that point at it. Immutable. */
public final class CachedRevision {
  private final String commit;
  private final List<String> refs;
  private final Path snapshot;
  private final int files;
  private final long size;

  public CachedRevision(String commit, List<String> refs, Path snapshot, int files, long size) {
    this.commit = commit;
    this.refs = List.copyOf(refs);
    this.snapshot = snapshot;
    this.files = files;
    this.size = size;
  }

  public String commit() {
    return commit;
  }

  /** Branch and tag names whose {@code refs/} file points at this commit; empty when detached. */
  public List<String> refs() {
    return refs;
  }

  /** The {@code snapshots/<commit>} folder. */
  public Path snapshot() {
    return snapshot;
  }

  public int files() {
    return files;
  }

  /** Bytes of the files in this snapshot. */
  public long size() {
    return size;
  }

  @Override
  public String toString() {
    return "CachedRevision{" + commit + " " + refs + ", " + files + " files, " + size + " bytes}";
  }
}
