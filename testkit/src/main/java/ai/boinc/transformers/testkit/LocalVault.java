package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.vault.AuthMount;
import ai.boinc.transformers.testkit.internal.vault.KvEngine;
import ai.boinc.transformers.testkit.internal.vault.Reply;
import ai.boinc.transformers.testkit.internal.vault.SettableClock;
import ai.boinc.transformers.testkit.internal.vault.TokenStore;
import ai.boinc.transformers.testkit.internal.vault.VaultState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An emulator of the part of the HashiCorp Vault HTTP API that the SDK's Vault credential source
 * uses, on 127.0.0.1 at a random port (hub-protocol.md section 14):
 *
 * <ul>
 *   <li>KV version 1 and 2 engines ({@link #enableKv1}, {@link #enableKv2}; a KV v2 engine at
 *       {@code secret/} exists from the start, as on a dev server), with versions, soft delete and
 *       destroy, and the 404 shapes of a deleted version and of a v1-style path on a v2 mount;
 *   <li>tokens with TTL, maximum TTL, renewability and path policies ({@link #issueToken}), {@code
 *       auth/token/lookup-self}, {@code renew-self} and {@code revoke-self}; expired or revoked
 *       tokens get 403 {@code permission denied};
 *   <li>AppRole and Kubernetes logins at any mount ({@link #addAppRole}, {@link
 *       #addKubernetesRole}); a login to a mount that does not exist gets 403, a wrong secret id
 *       400 {@code invalid role or secret ID}, a wrong JWT 403;
 *   <li>namespaces: mounts, roles and tokens belong to a namespace ({@code ""} is the root); the
 *       request's namespace is its {@code X-Vault-Namespace} header. A mount looked up in the wrong
 *       namespace is 404 {@code no handler for route}; a token used outside its namespace (or
 *       its children) is 403;
 *   <li>{@link #seal()} (every request 503 {@code Vault is sealed}), canned malformed answers per
 *       path ({@link #fault}, {@link #respond}), and the error envelope {@code {"errors":[...]}};
 *   <li>its own {@link #clock()}, which moves only by {@link #advance(Duration)}: give the same
 *       clock to the code under test and leases expire without sleeping;
 *   <li>a record of every request ({@link #requests()}).
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} stops the server.
 *
 * <pre>{@code
 * try (LocalVault vault = LocalVault.start()) {
 *   vault.kv2().put("boincai/hub", Map.of("token", "ba_123"));
 *   String token = vault.issueToken(LocalVaultTokenSpec.defaults());
 *   // GET vault.address() + "/v1/secret/data/boincai/hub" with X-Vault-Token: token
 * }
 * }</pre>
 */
public final class LocalVault implements AutoCloseable {
  /** Where the clock starts. */
  public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private final SettableClock clock = new SettableClock(START);
  private final VaultState state = new VaultState(clock);
  private final List<LocalVaultRequest> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor;
  private final String rootToken;

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK and many small answers take 40-50 ms. Read once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private LocalVault() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "local-vault");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    synchronized (state) {
      state.mount("", "secret", 2);
      rootToken = state.tokens.issue(null, "", LocalVaultTokenSpec.root(), "auth/token/root", Map.of(), START).id;
    }
    server.start();
  }

  /** Starts an emulator on 127.0.0.1 at a free port. */
  public static LocalVault start() {
    try {
      return new LocalVault();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start LocalVault on 127.0.0.1", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}, the value for {@code VAULT_ADDR}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A root-namespace token that never expires and may read everything. */
  public String rootToken() {
    return rootToken;
  }

  /** The emulator's time, shared with the code under test. */
  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Moves the clock forward; leases and tokens expire accordingly. */
  public void advance(Duration duration) {
    clock.advance(duration);
  }

  // ---- engines

  /** The KV v2 engine at {@code secret/} of the root namespace. */
  public LocalVaultMount kv2() {
    return enableKv2("", "secret");
  }

  public LocalVaultMount enableKv1(String mount) {
    return enableKv1("", mount);
  }

  public LocalVaultMount enableKv1(String namespace, String mount) {
    return enable(namespace, mount, 1);
  }

  public LocalVaultMount enableKv2(String mount) {
    return enableKv2("", mount);
  }

  public LocalVaultMount enableKv2(String namespace, String mount) {
    return enable(namespace, mount, 2);
  }

  private LocalVaultMount enable(String namespace, String mount, int version) {
    String ns = trim(namespace);
    String path = trim(mount);
    synchronized (state) {
      KvEngine engine = state.mount(ns, path, version);
      if (engine.kvVersion() != version) {
        throw new IllegalStateException(path + " is already a KV v" + engine.kvVersion() + " mount");
      }
      return new LocalVaultMount(this, ns, path, engine);
    }
  }

  // ---- tokens and logins

  /** Issues a token in the root namespace. */
  public String issueToken(LocalVaultTokenSpec spec) {
    return issueToken("", spec);
  }

  /** Issues a token in {@code namespace}. */
  public String issueToken(String namespace, LocalVaultTokenSpec spec) {
    Objects.requireNonNull(spec, "spec");
    synchronized (state) {
      return state.tokens.issue(null, trim(namespace), spec, "auth/token/create", Map.of(), now()).id;
    }
  }

  /** Revokes a token, e.g. to make the next request with it fail with 403. */
  public void revoke(String token) {
    synchronized (state) {
      if (!state.tokens.revoke(token)) {
        throw new IllegalArgumentException("no such token");
      }
    }
  }

  /** Revokes every token issued by a login, as a policy change or Vault restore would. */
  public void revokeLoginTokens() {
    synchronized (state) {
      for (TokenStore.Token token : state.issuedTokens()) {
        if (token.path.endsWith("/login")) {
          token.revoked = true;
        }
      }
    }
  }

  /** Accepts AppRole logins at {@code auth/<mount>/login} of the root namespace. */
  public void addAppRole(String mount, String roleId, String secretId, LocalVaultTokenSpec spec) {
    addAppRole("", mount, roleId, secretId, spec);
  }

  public void addAppRole(String namespace, String mount, String roleId, String secretId, LocalVaultTokenSpec spec) {
    synchronized (state) {
      state.auth(trim(namespace), trim(mount), AuthMount.APPROLE)
          .addRole(Objects.requireNonNull(roleId, "roleId"), Objects.requireNonNull(secretId, "secretId"), spec);
    }
  }

  /** Accepts Kubernetes logins of {@code role} with exactly {@code jwt} at {@code auth/<mount>/login}. */
  public void addKubernetesRole(String mount, String role, String jwt, LocalVaultTokenSpec spec) {
    addKubernetesRole("", mount, role, jwt, spec);
  }

  public void addKubernetesRole(String namespace, String mount, String role, String jwt, LocalVaultTokenSpec spec) {
    synchronized (state) {
      state.auth(trim(namespace), trim(mount), AuthMount.KUBERNETES)
          .addRole(Objects.requireNonNull(role, "role"), Objects.requireNonNull(jwt, "jwt"), spec);
    }
  }

  // ---- faults

  public void seal() {
    synchronized (state) {
      state.sealed = true;
    }
  }

  public void unseal() {
    synchronized (state) {
      state.sealed = false;
    }
  }

  /** Answers requests for {@code apiPath} (after {@code /v1/}, no query) with a malformed body. */
  public void fault(String apiPath, LocalVaultFault fault) {
    Objects.requireNonNull(fault, "fault");
    synchronized (state) {
      state.faults.put(trim(apiPath), VaultState.fault(fault));
    }
  }

  /** Answers requests for {@code apiPath} with exactly this status and body. */
  public void respond(String apiPath, int status, String body) {
    synchronized (state) {
      state.faults.put(trim(apiPath), Reply.raw(status, Objects.requireNonNull(body, "body")));
    }
  }

  /**
   * Answers the next {@code times} requests for {@code apiPath} with {@code status} and Vault's
   * error envelope (the text Vault sends for that status), before anything else, even a seal.
   */
  public void failNext(String apiPath, int status, int times) {
    failNext(apiPath, status, times, null);
  }

  /** Like {@link #failNext(String, int, int)}, with {@code Retry-After: <seconds>} (for 429). */
  public void failNext(String apiPath, int status, int times, Duration retryAfter) {
    if (status < 400 || times < 1) {
      throw new IllegalArgumentException("status must be an error and times >= 1: " + status + ", " + times);
    }
    Reply reply = Reply.errors(status, errorText(status, trim(apiPath)));
    if (retryAfter != null) {
      reply = reply.withHeader("Retry-After", Long.toString(retryAfter.getSeconds()));
    }
    synchronized (state) {
      java.util.Deque<Reply> queue = state.nextReplies.computeIfAbsent(trim(apiPath), p -> new java.util.ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        queue.add(reply);
      }
    }
  }

  private static String errorText(int status, String apiPath) {
    switch (status) {
      case 412:
        return "required index state not present";
      case 429:
        return "request path \"" + apiPath + "\": rate limit quota exceeded";
      case 501:
        return "Vault is not initialized";
      case 503:
        return "Vault is sealed";
      default:
        return status >= 500 ? "internal error" : "error";
    }
  }

  /** Removes every fault and canned answer. */
  public void clearFaults() {
    synchronized (state) {
      state.faults.clear();
      state.nextReplies.clear();
    }
  }

  // ---- recording

  /** Every request received so far, oldest first. */
  public List<LocalVaultRequest> requests() {
    return List.copyOf(requests);
  }

  /** The recorded requests whose path (without query) is {@code /v1/<apiPath>}. */
  public List<LocalVaultRequest> requests(String apiPath) {
    List<LocalVaultRequest> matching = new ArrayList<>();
    String path = "/v1/" + trim(apiPath);
    for (LocalVaultRequest request : requests) {
      String withoutQuery = request.path().split("\\?", 2)[0];
      if (withoutQuery.equals(path)) {
        matching.add(request);
      }
    }
    return matching;
  }

  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "LocalVault[" + address() + "]";
  }

  Object state() {
    return state;
  }

  static String trim(String path) {
    String value = Objects.requireNonNull(path, "path").strip();
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
      }
      URI uri = exchange.getRequestURI();
      String rawPath = uri.getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      requests.add(new LocalVaultRequest(method,
          uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery(),
          exchange.getRequestHeaders(), body));
      Reply reply;
      if (!rawPath.startsWith("/v1/")) {
        reply = Reply.errors(404, "no handler for route");
      } else {
        String apiPath = uri.getPath().substring(4);
        String namespace = trim(headerOr(exchange, "X-Vault-Namespace", ""));
        String token = headerOr(exchange, "X-Vault-Token", null);
        String authorization = headerOr(exchange, "Authorization", null);
        if (token == null && authorization != null && authorization.startsWith("Bearer ")) {
          token = authorization.substring("Bearer ".length());
        }
        synchronized (state) {
          reply = state.handle(method, trim(apiPath), query(uri.getRawQuery()), namespace, token, body);
        }
      }
      byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(reply.status, reply.status == 204 || bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0 && reply.status != 204) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } finally {
      exchange.close();
    }
  }

  private static String headerOr(HttpExchange exchange, String name, String fallback) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? fallback : value;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return query;
  }
}
