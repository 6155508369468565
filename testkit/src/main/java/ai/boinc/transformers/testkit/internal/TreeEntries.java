package ai.boinc.transformers.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The entries of the tree and paths-info APIs (hub-protocol.md sections 9.2, 9.3): {@code
 * {"type": "file"|"directory", "oid", "size", "path", "lfs": {"oid", "size", "pointerSize"}}}, and
 * with {@code expand} also {@code lastCommit} and {@code securityFileStatus}. Stateless.
 */
final class TreeEntries {
  /** Fixed so answers are reproducible. */
  private static final String DATE = "2024-01-01T00:00:00.000Z";

  private TreeEntries() {}

  /** Every directory of the snapshot ({@code a}, {@code a/b}, ...), sorted. */
  static TreeSet<String> directories(Snapshot snapshot) {
    TreeSet<String> directories = new TreeSet<>();
    for (String path : snapshot.files().keySet()) {
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        directories.add(path.substring(0, slash));
      }
    }
    return directories;
  }

  /**
   * The entries below {@code dir} ({@code ""} for the root): all of them if recursive, else the
   * direct children; sorted by path.
   */
  static List<String> listing(Snapshot snapshot, String dir, boolean recursive) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    TreeSet<String> paths = new TreeSet<>();
    for (String path : snapshot.files().keySet()) {
      if (path.startsWith(prefix)) {
        paths.add(path);
      }
    }
    for (String directory : directories(snapshot)) {
      if (directory.startsWith(prefix)) {
        paths.add(directory);
      }
    }
    if (recursive) {
      return new ArrayList<>(paths);
    }
    List<String> children = new ArrayList<>();
    for (String path : paths) {
      if (path.indexOf('/', prefix.length()) < 0) {
        children.add(path);
      }
    }
    return children;
  }

  /** The entry of a file or directory path, if it exists in the snapshot. */
  static Optional<Map<String, Object>> entry(Repository repository, Snapshot snapshot, String path, boolean expand) {
    Optional<RepoFile> file = snapshot.file(path);
    if (file.isPresent()) {
      return Optional.of(file(repository, snapshot, file.get(), expand));
    }
    if (directories(snapshot).contains(path)) {
      return Optional.of(directory(snapshot, path, expand));
    }
    return Optional.empty();
  }

  private static Map<String, Object> file(Repository repository, Snapshot snapshot, RepoFile file, boolean expand) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "file");
    entry.put("oid", file.blobId());
    entry.put("size", file.size());
    if (file.isLfs()) {
      Map<String, Object> lfs = new LinkedHashMap<>();
      lfs.put("oid", file.sha256());
      lfs.put("size", file.size());
      lfs.put("pointerSize", file.pointerSize());
      entry.put("lfs", lfs);
    }
    entry.put("path", file.path());
    if (expand) {
      entry.put("lastCommit", lastCommit(repository.lastChange(snapshot, file.path())));
      entry.put("securityFileStatus", Map.of("status", "safe"));
    }
    return entry;
  }

  private static Map<String, Object> directory(Snapshot snapshot, String path, boolean expand) {
    StringBuilder tree = new StringBuilder();
    snapshot.files().forEach((name, file) -> {
      if (name.startsWith(path + "/")) {
        tree.append(name).append('\0').append(file.treeEntry()).append('\n');
      }
    });
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "directory");
    entry.put("oid", Hashes.sha1(tree.toString()));
    entry.put("size", 0);
    entry.put("path", path);
    if (expand) {
      entry.put("lastCommit", lastCommit(snapshot));
    }
    return entry;
  }

  private static Map<String, Object> lastCommit(Snapshot commit) {
    Map<String, Object> last = new LinkedHashMap<>();
    last.put("id", commit.commit());
    last.put("title", commit.message());
    last.put("date", DATE);
    return last;
  }
}
