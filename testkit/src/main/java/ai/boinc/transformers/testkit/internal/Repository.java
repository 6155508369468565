package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A repository as the emulator serves it: type, id, visibility, its commits and the refs (branches,
 * tags, {@code refs/pr/N}) that point at them.
 *
 * <p>Immutable: a change at runtime ({@link #withCommitOnMain}) makes a new value that {@link
 * HubState} swaps in atomically.
 */
public final class Repository {
  /** Who may read the repository. */
  public enum Visibility {
    PUBLIC,
    PRIVATE,
    /** Gated with manual approval: only tokens granted the repo may read. */
    GATED
  }

  public static final String DEFAULT_BRANCH = "main";
  /** Shortest commit prefix accepted as a revision, as git's default abbreviation. */
  static final int MIN_SHORT_COMMIT = 7;

  private final HubRepo.Type type;
  private final String id;
  private final Visibility visibility;
  private final boolean disabled;
  private final Map<String, String> refs;
  private final Map<String, Snapshot> commits;

  /**
   * @param commits every commit, oldest first
   * @param refs ref name (branch, tag or {@code refs/pr/N}, including {@code main}) to commit id
   */
  public Repository(
      HubRepo.Type type,
      String id,
      Visibility visibility,
      boolean disabled,
      List<Snapshot> commits,
      Map<String, String> refs) {
    if (!refs.containsKey(DEFAULT_BRANCH)) {
      throw new IllegalArgumentException("repository " + id + " has no " + DEFAULT_BRANCH + " branch");
    }
    this.type = type;
    this.id = id;
    this.visibility = visibility;
    this.disabled = disabled;
    Map<String, Snapshot> byCommit = new LinkedHashMap<>();
    commits.forEach(snapshot -> byCommit.put(snapshot.commit(), snapshot));
    this.commits = Collections.unmodifiableMap(byCommit);
    refs.forEach(
        (name, commit) -> {
          if (!byCommit.containsKey(commit)) {
            throw new IllegalArgumentException("ref " + name + " points at unknown commit " + commit);
          }
        });
    this.refs = Collections.unmodifiableMap(new LinkedHashMap<>(refs));
  }

  /** The same repository with one more commit on {@code main}, whose parent is main's commit. */
  public Repository withCommitOnMain(Map<String, RepoFile> files, String message) {
    Snapshot next = new Snapshot(files, main().commit(), message);
    List<Snapshot> all = new ArrayList<>(commits.values());
    all.add(next);
    Map<String, String> moved = new LinkedHashMap<>(refs);
    moved.put(DEFAULT_BRANCH, next.commit());
    return new Repository(type, id, visibility, disabled, all, moved);
  }

  public HubRepo.Type type() {
    return type;
  }

  public String id() {
    return id;
  }

  public Visibility visibility() {
    return visibility;
  }

  /** Disabled by the hub's staff: every access is 403. */
  public boolean disabled() {
    return disabled;
  }

  public Snapshot main() {
    return commits.get(refs.get(DEFAULT_BRANCH));
  }

  /** Ref names, {@code main} first. */
  public Set<String> refNames() {
    return refs.keySet();
  }

  /** Every commit, oldest first. */
  public List<Snapshot> commits() {
    return List.copyOf(commits.values());
  }

  /**
   * The snapshot of a ref name, a full 40-hex commit id or an unambiguous prefix of at least 7 hex
   * digits (already percent-decoded).
   */
  public Optional<Snapshot> revision(String revision) {
    String byRef = refs.get(revision);
    if (byRef != null) {
      return Optional.of(commits.get(byRef));
    }
    Snapshot exact = commits.get(revision);
    if (exact != null) {
      return Optional.of(exact);
    }
    if (revision.length() >= MIN_SHORT_COMMIT && revision.length() < 40 && Hashes.isLowerHex(revision, revision.length())) {
      Snapshot found = null;
      for (Snapshot snapshot : commits.values()) {
        if (snapshot.commit().startsWith(revision)) {
          if (found != null) {
            return Optional.empty(); // ambiguous
          }
          found = snapshot;
        }
      }
      return Optional.ofNullable(found);
    }
    return Optional.empty();
  }

  /** The newest commit at or before {@code at} in which {@code path} got its current content. */
  public Snapshot lastChange(Snapshot at, String path) {
    RepoFile file = at.file(path).orElse(null);
    Snapshot current = at;
    for (int guard = 0; guard < commits.size() && current.parent().isPresent(); guard++) {
      Snapshot parent = commits.get(current.parent().get());
      if (parent == null) {
        break;
      }
      RepoFile before = parent.file(path).orElse(null);
      if (!sameContent(file, before)) {
        break;
      }
      current = parent;
    }
    return current;
  }

  private static boolean sameContent(RepoFile a, RepoFile b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.isLfs() == b.isLfs() && a.treeEntry().equals(b.treeEntry());
  }

  /** {@code "models/acme/x"}-style key, unique across repository types. */
  public String key() {
    return key(type, id);
  }

  public static String key(HubRepo.Type type, String id) {
    return type.apiPath() + "/" + Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + " " + id + " (" + visibility + (disabled ? ", disabled" : "")
        + ", " + commits.size() + " commits)";
  }
}
