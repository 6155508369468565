package ai.boinc.transformers.testkit.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One commit of a repository: its files, message and parent. The commit id is derived from those
 * (sha1 over the sorted paths and content ids, the parent and the message), so the same history
 * always gives the same, reproducible ids.
 *
 * <p>Immutable.
 */
public final class Snapshot {
  /** The message of a commit made without one. */
  public static final String DEFAULT_MESSAGE = "Upload files";

  private final SortedMap<String, RepoFile> files;
  private final String parent;
  private final String message;
  private final String commit;

  public Snapshot(Map<String, RepoFile> files) {
    this(files, null, DEFAULT_MESSAGE);
  }

  /** @param parent the previous commit id, or null for the first commit */
  public Snapshot(Map<String, RepoFile> files, String parent, String message) {
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    this.parent = parent;
    this.message = message;
    StringBuilder tree = new StringBuilder();
    this.files.forEach((path, file) -> tree.append(path).append('\0').append(file.treeEntry()).append('\n'));
    if (parent != null) {
      tree.append("parent ").append(parent).append('\n');
    }
    if (!message.equals(DEFAULT_MESSAGE)) {
      tree.append('\n').append(message);
    }
    this.commit = Hashes.sha1(tree.toString());
  }

  /** The 40-hex commit id. */
  public String commit() {
    return commit;
  }

  public Optional<String> parent() {
    return Optional.ofNullable(parent);
  }

  public String message() {
    return message;
  }

  public Optional<RepoFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Files sorted by path. */
  public SortedMap<String, RepoFile> files() {
    return files;
  }

  @Override
  public String toString() {
    return commit + " \"" + message + "\" (" + files.size() + " files)";
  }
}
