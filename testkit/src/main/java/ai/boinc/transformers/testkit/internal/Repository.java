package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A repository as the emulator serves it: type, id, visibility and named revisions.
 *
 * <p>Every ref ({@code main}, branches, tags) points at a {@link Snapshot}; today all refs share one
 * snapshot, but lookups go through {@link #revision(String)} so that per-ref content can be added
 * without touching the routes. Immutable.
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

  private final HubRepo.Type type;
  private final String id;
  private final Visibility visibility;
  private final Map<String, Snapshot> refs;
  private final Map<String, Snapshot> commits;

  /**
   * @param refs ref name (branch or tag, including {@code main}) to snapshot
   */
  public Repository(HubRepo.Type type, String id, Visibility visibility, Map<String, Snapshot> refs) {
    if (!refs.containsKey(DEFAULT_BRANCH)) {
      throw new IllegalArgumentException("repository " + id + " has no " + DEFAULT_BRANCH + " branch");
    }
    this.type = type;
    this.id = id;
    this.visibility = visibility;
    this.refs = Collections.unmodifiableMap(new LinkedHashMap<>(refs));
    Map<String, Snapshot> byCommit = new LinkedHashMap<>();
    refs.values().forEach(snapshot -> byCommit.put(snapshot.commit(), snapshot));
    this.commits = Collections.unmodifiableMap(byCommit);
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

  public Snapshot main() {
    return refs.get(DEFAULT_BRANCH);
  }

  public Set<String> refNames() {
    return refs.keySet();
  }

  /** The snapshot of a ref name or a full 40-hex commit id (already percent-decoded). */
  public Optional<Snapshot> revision(String revision) {
    Snapshot byRef = refs.get(revision);
    if (byRef != null) {
      return Optional.of(byRef);
    }
    return Optional.ofNullable(commits.get(revision));
  }

  /** {@code "models/acme/x"}-style key, unique across repository types. */
  public String key() {
    return key(type, id);
  }

  public static String key(HubRepo.Type type, String id) {
    return type.apiPath() + "/" + id;
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + " " + id + " (" + visibility + ")";
  }
}
