package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.Account;
import ai.boinc.transformers.testkit.internal.BlobSigner;
import ai.boinc.transformers.testkit.internal.CdnRoute;
import ai.boinc.transformers.testkit.internal.HttpEndpoint;
import ai.boinc.transformers.testkit.internal.HubRequest;
import ai.boinc.transformers.testkit.internal.HubState;
import ai.boinc.transformers.testkit.internal.PercentCodec;
import ai.boinc.transformers.testkit.internal.RepoInfoRoute;
import ai.boinc.transformers.testkit.internal.Repository;
import ai.boinc.transformers.testkit.internal.ResolveCacheRoute;
import ai.boinc.transformers.testkit.internal.ResolveRoute;
import ai.boinc.transformers.testkit.internal.Router;
import ai.boinc.transformers.testkit.internal.ServerHooks;
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
              builder.tokens,
              hub.uri(),
              cdn.uri(),
              new BlobSigner(Clock.systemUTC()),
              builder.resolveCacheRedirects);
      hub.start(
          new Router(
              List.of(
                  new WhoamiRoute(state),
                  new ResolveCacheRoute(state),
                  new RepoInfoRoute(state),
                  new ResolveRoute(state))),
          this::record,
          hooks);
      cdn.start(new Router(List.of(new CdnRoute(state))), this::record, hooks);
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

  /** Lets held bodies continue and stops holding new ones. */
  public void releaseBodies() {
    hooks.releaseBodies();
  }

  /** Stops both servers at once; open exchanges are dropped. Idempotent. */
  @Override
  public void close() {
    hooks.releaseBodies();
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
    private final Map<String, Account> tokens = new LinkedHashMap<>();
    private boolean resolveCacheRedirects;

    private Builder() {}

    public Builder repo(HubRepo repo) {
      Objects.requireNonNull(repo, "repo");
      Repository repository = repo.repository();
      if (repos.containsKey(repository.key())) {
        throw new IllegalArgumentException("repository " + repository.key() + " was added twice");
      }
      repos.put(repository.key(), repository);
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

    /** Binds both servers on 127.0.0.1 and starts serving. */
    public LocalHub start() {
      return new LocalHub(this);
    }
  }
}
