package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.Account;
import ai.boinc.transformers.testkit.internal.BlobSigner;
import ai.boinc.transformers.testkit.internal.CdnRoute;
import ai.boinc.transformers.testkit.internal.FaultPlan;
import ai.boinc.transformers.testkit.internal.HttpEndpoint;
import ai.boinc.transformers.testkit.internal.HubRequest;
import ai.boinc.transformers.testkit.internal.HubOptions;
import ai.boinc.transformers.testkit.internal.HubState;
import ai.boinc.transformers.testkit.internal.PathsInfoRoute;
import ai.boinc.transformers.testkit.internal.PercentCodec;
import ai.boinc.transformers.testkit.internal.RepoFile;
import ai.boinc.transformers.testkit.internal.RepoInfoRoute;
import ai.boinc.transformers.testkit.internal.Repository;
import ai.boinc.transformers.testkit.internal.ResolveCacheRoute;
import ai.boinc.transformers.testkit.internal.ResolveRoute;
import ai.boinc.transformers.testkit.internal.Router;
import ai.boinc.transformers.testkit.internal.ServerHooks;
import ai.boinc.transformers.testkit.internal.TreeRoute;
import ai.boinc.transformers.testkit.internal.WhoamiRoute;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An emulator of the BOINC AI Hub (the Hugging Face Hub protocol, see {@code hub-protocol.md}) for
 * tests: two JDK HTTP servers on 127.0.0.1 and random ports, the hub and a CDN (another origin).
 *
 * <pre>{@code
 * try (LocalHub hub = LocalHub.builder()
 *     .repo(HubRepo.model("acme/secret").privateRepo().file("a.txt", "hi").build())
 *     .token("ba_demo_token", "demo-user", "acme/secret")
 *     .start()) {
 *   URI url = hub.resolveUri("acme/secret", "a.txt");   // {endpoint}/acme/secret/resolve/main/a.txt
 *   // ... exercise the client, then:
 *   assertThat(hub.requests()).allSatisfy(r -> ...);
 * }
 * }</pre>
 *
 * <p>What it serves, with the real hub's status codes and headers:
 *
 * <ul>
 *   <li>{@code HEAD|GET /[datasets/|spaces/]{repo}/resolve/{rev}/{path}}: plain files 200 directly
 *       (or, with {@link Builder#resolveCacheRedirects}, a relative 307 to {@code
 *       /api/resolve-cache/...} for public namespaced repos), LFS files 302 to the CDN; Range,
 *       {@code If-None-Match}; errors {@code GatedRepo}, {@code RepoNotFound}, {@code
 *       RevisionNotFound}, {@code EntryNotFound} and invalid-token 401;
 *   <li>{@code GET /api/{models|datasets|spaces}/{repo}[/revision/{rev}][?blobs=true]};
 *   <li>{@code GET /api/whoami-v2};
 *   <li>CDN {@code GET|HEAD /blobs/{sha256}?exp=..&sig=..}, rejecting any request with {@code
 *       Authorization} (400).
 * </ul>
 *
 * <p>Every request to either server is recorded ({@link #requests()}) before it is answered.
 *
 * <p>Thread-safe; serves requests concurrently on a few threads per server. {@link #close()} stops
 * both servers and is idempotent.
 */
public final class LocalHub implements AutoCloseable {
  private final HttpEndpoint hub;
  private final HttpEndpoint cdn;
  private final HubState state;
  private final ServerHooks hooks = new ServerHooks();
  private final FaultPlan faults = new FaultPlan();
  private final List<RecordedRequest> requests = new ArrayList<>();

  private LocalHub(Builder builder) {
    this.hub = HttpEndpoint.bind(RecordedRequest.HUB);
    HttpEndpoint cdnServer = null;
    try {
      cdnServer = HttpEndpoint.bind(RecordedRequest.CDN);
      this.cdn = cdnServer;
      this.state =
          new HubState(
              builder.repos.values(),
              builder.renames,
              builder.tokens,
              hub.uri(),
              cdn.uri(),
              new BlobSigner(Clock.systemUTC()),
              new HubOptions(builder.resolveCacheRedirects, builder.weakEtags, builder.gzip, builder.treePageSize));
      hub.start(
          new Router(
              List.of(
                  new WhoamiRoute(state),
                  new ResolveCacheRoute(state),
                  new TreeRoute(state),
                  new PathsInfoRoute(state),
                  new RepoInfoRoute(state),
                  new ResolveRoute(state))),
          this::record,
          hooks,
          faults,
          builder.gzip);
      cdn.start(new Router(List.of(new CdnRoute(state))), this::record, hooks, faults, false);
    } catch (RuntimeException e) {
      hub.close();
      if (cdnServer != null) {
        cdnServer.close();
      }
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The hub, {@code http://127.0.0.1:<port>} without a trailing slash. */
  public URI endpoint() {
    return hub.uri();
  }

  /** The CDN that LFS redirects point to; another port, hence another origin. */
  public URI cdnEndpoint() {
    return cdn.uri();
  }

  /**
   * {@code {endpoint}/{prefix}{repo}/resolve/main/{path}} with the path percent-encoded like
   * huggingface_hub does. The repo must be served by this hub.
   */
  public URI resolveUri(String repoId, String path) {
    Repository repository = find(repoId);
    return URI.create(
        endpoint() + "/" + repository.type().urlPrefix() + repository.id() + "/resolve/main/"
            + PercentCodec.encodePath(path));
  }

  /** Every request received by the hub and the CDN so far, in arrival order (a copy). */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    synchronized (requests) {
      requests.clear();
    }
  }

  /** The 40-hex commit of {@code main} of the repository with this id (of any type). */
  public String commit(String repoId) {
    return find(repoId).main().commit();
  }

  /**
   * The 40-hex commit that {@code revision} (branch, tag, {@code refs/pr/N}, full or short commit
   * id, not percent-encoded) of the repository with this id resolves to now.
   *
   * @throws IllegalArgumentException if there is no such repository or revision
   */
  public String commit(String repoId, String revision) {
    Objects.requireNonNull(revision, "revision");
    Repository repository = find(repoId);
    return repository
        .revision(revision)
        .orElseThrow(() -> new IllegalArgumentException("no revision '" + revision + "' in " + repository))
        .commit();
  }

  /**
   * Pushes a new commit on {@code main} of the repository with this id in which {@code path} has
   * this content (added or replaced; LFS if larger than {@link HubRepo#LFS_THRESHOLD}); other
   * refs stay where they are. Requests that arrive afterwards see it.
   *
   * @return the new commit of {@code main}
   */
  public String putFile(String repoId, String path, byte[] content) {
    Objects.requireNonNull(content, "content");
    HubRepo.checkPath(path);
    Repository repository = find(repoId);
    byte[] copy = content.clone();
    Repository updated =
        state.update(
            repository.type(),
            repository.id(),
            current -> {
              Map<String, RepoFile> files = new TreeMap<>(current.main().files());
              files.put(path, RepoFile.of(path, copy, copy.length > HubRepo.LFS_THRESHOLD));
              return current.withCommitOnMain(files, "Upload " + path);
            });
    return updated.main().commit();
  }

  /**
   * A signed CDN URL for an LFS file on {@code main} (what the hub's 302 points to), for tests
   * that talk to the CDN directly. For a {@link HubRepo.Builder#virtualLfsFile virtual} file this
   * needs no hashing.
   *
   * @throws IllegalArgumentException if there is no such LFS file
   */
  public URI cdnUri(String repoId, String path) {
    Repository repository = find(repoId);
    RepoFile file =
        repository.main().file(path).filter(RepoFile::isLfs).orElseThrow(
            () -> new IllegalArgumentException("no LFS file " + path + " on main of " + repository));
    return URI.create(state.cdnLocation(file));
  }

  /**
   * Arms a fault: matching requests that arrive from now on misbehave as it says (see {@link
   * Fault} for the matching rules). Faults are checked in the order added.
   */
  public void addFault(Fault fault) {
    faults.add(Objects.requireNonNull(fault, "fault").rule());
  }

  /** Drops every armed fault and ends stalls in progress (their bodies go on). */
  public void clearFaults() {
    faults.clear();
  }

  /** The faults not yet spent, in order, each with {@link Fault#remainingTimes()} = uses left. */
  public List<Fault> pendingFaults() {
    List<Fault> pending = new ArrayList<>();
    faults.pending().forEach(rule -> pending.add(Fault.of(rule)));
    return pending;
  }

  /** The 40-hex commit of {@code main} of a repository. */
  public String commit(HubRepo.Type type, String repoId) {
    return state
        .repository(type, repoId)
        .orElseThrow(() -> new IllegalArgumentException("no " + type.singular() + " " + repoId + " on this hub"))
        .main()
        .commit();
  }

  /**
   * Delays every later response of both servers by {@code delay} (after recording the request);
   * {@link Duration#ZERO} turns it off. For timeout tests.
   */
  public void delayResponses(Duration delay) {
    hooks.delayResponses(Objects.requireNonNull(delay, "delay"));
  }

  /**
   * Response bodies that start from now on pause after {@code bytes} bytes until {@link
   * #releaseBodies()} (or at most {@link ServerHooks#MAX_HOLD}, or until close). Lets a test see
   * that a client returns before a body is complete.
   */
  public void holdBodiesAfter(long bytes) {
    hooks.holdBodiesAfter(bytes);
  }

  /**
   * Response body bytes both servers have written so far (a body cut by a fault counts what was
   * sent): what clients cost in transfer, for resume tests.
   */
  public long bytesServed() {
    return hooks.bytesServed();
  }

  /** Lets held bodies continue and stops holding new ones. */
  public void releaseBodies() {
    hooks.releaseBodies();
  }

  /** Stops both servers at once; open exchanges are dropped. Idempotent. */
  @Override
  public void close() {
    hooks.releaseBodies();
    faults.clear();
    try {
      hub.close();
    } finally {
      cdn.close();
    }
  }

  @Override
  public String toString() {
    return "LocalHub{" + endpoint() + ", cdn=" + cdnEndpoint() + ", repos="
        + state.repositories().stream().map(Repository::toString).collect(Collectors.toList()) + "}";
  }

  private Repository find(String repoId) {
    Objects.requireNonNull(repoId, "repoId");
    List<Repository> matches = new ArrayList<>();
    for (HubRepo.Type type : HubRepo.Type.values()) {
      state.repository(type, repoId).ifPresent(matches::add);
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("no repository " + repoId + " on this hub");
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          "several repositories are named " + repoId + "; say which type with commit(HubRepo.Type, String)");
    }
    return matches.get(0);
  }

  private void record(HubRequest request) {
    RecordedRequest recorded =
        new RecordedRequest(
            request.origin(), request.method(), request.rawPath(), request.rawQuery(), request.headers(),
            request.body());
    synchronized (requests) {
      requests.add(recorded);
    }
  }

  /** Collects repositories and tokens. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Repository> repos = new LinkedHashMap<>();
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Map<String, Account> tokens = new LinkedHashMap<>();
    private boolean resolveCacheRedirects;
    private boolean weakEtags;
    private boolean gzip;
    private int treePageSize = HubOptions.DEFAULT_TREE_PAGE_SIZE;

    private Builder() {}

    public Builder repo(HubRepo repo) {
      Objects.requireNonNull(repo, "repo");
      Repository repository = repo.repository();
      if (repos.containsKey(repository.key()) || renames.containsKey(repository.key())) {
        throw new IllegalArgumentException("repository " + repository.key() + " was added twice");
      }
      for (String former : repo.formerIds()) {
        String key = Repository.key(repository.type(), former);
        if (repos.containsKey(key) || renames.containsKey(key)) {
          throw new IllegalArgumentException(
              repository.key() + " was renamed from " + former + ", which is already a repository or a former id");
        }
      }
      repos.put(repository.key(), repository);
      for (String former : repo.formerIds()) {
        renames.put(Repository.key(repository.type(), former), repository.id());
      }
      return this;
    }

    /**
     * Adds a token for {@code user} that may read the listed private repositories and is approved
     * for the listed gated ones (by repo id, whatever the type). Public repositories need no grant.
     *
     * @throws IllegalArgumentException if the token is blank, contains whitespace or was already
     *     added (the message never contains the token)
     */
    public Builder token(String token, String user, String... repoIds) {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(user, "user");
      if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new IllegalArgumentException("the token for user " + user + " is empty or contains whitespace");
      }
      if (tokens.containsKey(token)) {
        throw new IllegalArgumentException("the same token was added twice (second time for user " + user + ")");
      }
      Set<String> grants = new LinkedHashSet<>();
      for (String repoId : repoIds) {
        grants.add(Objects.requireNonNull(repoId, "repoId"));
      }
      tokens.put(token, new Account(user, user + "-token-" + (tokens.size() + 1), grants));
      return this;
    }

    /**
     * Whether small files of public namespaced repos answer with a relative 307 to a commit-pinned
     * {@code /api/resolve-cache/...} URL, as the real hub does (default false: 200 directly).
     */
    public Builder resolveCacheRedirects(boolean enabled) {
      this.resolveCacheRedirects = enabled;
      return this;
    }

    /**
     * Whether resolve answers carry weak ETags ({@code ETag: W/"..."}, {@code X-Linked-Etag:
     * W/"..."}), as the hub once sent (huggingface_hub#1428). Default false.
     */
    public Builder weakEtags(boolean enabled) {
      this.weakEtags = enabled;
      return this;
    }

    /**
     * Whether 200 answers of the hub (files served directly, JSON) are gzip-encoded with chunked
     * transfer coding and no {@code Content-Length} when the request's {@code Accept-Encoding}
     * allows gzip. Default false. The CDN never compresses.
     */
    public Builder gzip(boolean enabled) {
      this.gzip = enabled;
      return this;
    }

    /**
     * How many entries one page of the tree API holds before a {@code Link: <...>; rel="next"}
     * header points at the next page. Default {@link HubOptions#DEFAULT_TREE_PAGE_SIZE} (50).
     */
    public Builder treePageSize(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("tree page size must be >= 1: " + entries);
      }
      this.treePageSize = entries;
      return this;
    }

    /** Binds both servers on 127.0.0.1 and starts serving. */
    public LocalHub start() {
      return new LocalHub(this);
    }
  }
}
