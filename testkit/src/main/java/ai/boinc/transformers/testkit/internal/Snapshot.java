package ai.boinc.transformers.testkit.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a repository at one commit. The commit id is derived from the content (sha1 over the
 * sorted paths and blob ids), so equal content gives an equal, reproducible commit.
 *
 * <p>Immutable.
 */
public final class Snapshot {
  private final SortedMap<String, RepoFile> files;
  private final String commit;

  public Snapshot(Map<String, RepoFile> files) {
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    StringBuilder tree = new StringBuilder();
    this.files.forEach((path, file) -> tree.append(path).append('\0').append(file.blobId()).append('\n'));
    this.commit = Hashes.sha1(tree.toString());
  }

  /** The 40-hex commit id. */
  public String commit() {
    return commit;
  }

  public Optional<RepoFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Files sorted by path. */
  public SortedMap<String, RepoFile> files() {
    return files;
  }
}
