package ai.boinc.transformers.testkit.internal.vault;

import ai.boinc.transformers.json.JsonReader;
import ai.boinc.transformers.json.JsonException;
import ai.boinc.transformers.testkit.LocalVaultFault;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the emulator knows, and how it answers one request. All methods must be called while
 * holding this object's monitor ({@code synchronized (state)}).
 */
public final class VaultState {
  public final Clock clock;
  public final TokenStore tokens = new TokenStore();
  /** namespace ("" = root) -> mount path -> engine. */
  public final Map<String, Map<String, KvEngine>> engines = new HashMap<>();
  /** namespace -> auth mount path -> method. */
  public final Map<String, Map<String, AuthMount>> auths = new HashMap<>();
  /** API path (after /v1/, no query) -> canned answer. */
  public final Map<String, Reply> faults = new HashMap<>();
  /** API path -> answers given once each, in order, before anything else. */
  public final Map<String, java.util.Deque<Reply>> nextReplies = new HashMap<>();
  public boolean sealed;

  public VaultState(Clock clock) {
    this.clock = clock;
  }

  public KvEngine mount(String namespace, String mount, int kvVersion) {
    return engines.computeIfAbsent(namespace, n -> new LinkedHashMap<>())
        .computeIfAbsent(mount, m -> new KvEngine(kvVersion));
  }

  public AuthMount auth(String namespace, String mount, String type) {
    AuthMount auth = auths.computeIfAbsent(namespace, n -> new LinkedHashMap<>())
        .computeIfAbsent(mount, m -> new AuthMount(type));
    if (!auth.type.equals(type)) {
      throw new IllegalStateException("auth/" + mount + " is already a " + auth.type + " mount");
    }
    return auth;
  }

  /**
   * Answers one request.
   *
   * @param apiPath the path after {@code /v1/}, without query, e.g. {@code secret/data/hub}
   */
  public Reply handle(String method, String apiPath, Map<String, String> query, String namespace,
      String token, String body) {
    java.util.Deque<Reply> next = nextReplies.get(apiPath);
    if (next != null && !next.isEmpty()) {
      return next.poll();
    }
    if (sealed) {
      return Reply.errors(503, "Vault is sealed");
    }
    Reply fault = faults.get(apiPath);
    if (fault != null) {
      return fault;
    }
    Instant now = clock.instant();
    if (apiPath.startsWith("auth/token/")) {
      return tokenSelf(method, apiPath.substring("auth/token/".length()), namespace, token, body, now);
    }
    if (apiPath.startsWith("auth/") && apiPath.endsWith("/login")) {
      return login(method, apiPath.substring("auth/".length(), apiPath.length() - "/login".length()),
          namespace, body, now);
    }
    TokenStore.Token caller = tokens.valid(token, namespace, now);
    if (caller == null) {
      return Reply.permissionDenied();
    }
    Map.Entry<String, KvEngine> engine = findEngine(namespace, apiPath);
    if (engine == null) {
      return Reply.errors(404, "no handler for route \"" + apiPath + "\". route entry not found.");
    }
    if (!caller.spec.allows(apiPath)) {
      return Reply.permissionDenied();
    }
    if (!method.equals("GET")) {
      return Reply.errors(405, "unsupported operation");
    }
    String subPath = apiPath.substring(engine.getKey().length() + 1);
    return engine.getValue().read(subPath, query);
  }

  private Map.Entry<String, KvEngine> findEngine(String namespace, String apiPath) {
    Map.Entry<String, KvEngine> best = null;
    for (Map.Entry<String, KvEngine> entry : engines.getOrDefault(namespace, Map.of()).entrySet()) {
      String mount = entry.getKey();
      if (apiPath.startsWith(mount + "/") && (best == null || mount.length() > best.getKey().length())) {
        best = entry;
      }
    }
    return best;
  }

  private Reply tokenSelf(String method, String operation, String namespace, String id, String body, Instant now) {
    TokenStore.Token token = tokens.valid(id, namespace, now);
    if (token == null) {
      return Reply.permissionDenied();
    }
    switch (operation) {
      case "lookup-self":
        return Reply.json(200, Reply.envelope(lookup(token, now), 0, null, null));
      case "renew-self":
        if (!method.equals("POST") && !method.equals("PUT")) {
          return Reply.errors(405, "unsupported operation");
        }
        return renew(token, body, now);
      case "revoke-self":
        token.revoked = true;
        return Reply.raw(204, "");
      default:
        return Reply.errors(404, "no handler for route \"auth/token/" + operation + "\". route entry not found.");
    }
  }

  private static Map<String, Object> lookup(TokenStore.Token token, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("accessor", token.accessor);
    data.put("creation_time", token.issued.getEpochSecond());
    data.put("creation_ttl", token.spec.ttl().getSeconds());
    data.put("display_name", token.path.replace('/', '-'));
    data.put("entity_id", "");
    data.put("expire_time", token.expires == null ? null : token.expires.toString());
    data.put("explicit_max_ttl", token.spec.maxTtl().getSeconds());
    data.put("id", token.id);
    data.put("issue_time", token.issued.toString());
    data.put("meta", token.metadata.isEmpty() ? null : token.metadata);
    data.put("num_uses", token.usesLeft);
    data.put("orphan", true);
    data.put("path", token.path);
    data.put("policies", token.spec.policies());
    data.put("renewable", token.spec.renewable() && token.expires != null);
    data.put("ttl", token.secondsLeft(now));
    data.put("type", "service");
    return data;
  }

  private Reply renew(TokenStore.Token token, String body, Instant now) {
    if (!token.spec.renewable() || token.expires == null) {
      return Reply.errors(400, "lease is not renewable");
    }
    long increment = token.spec.ttl().getSeconds();
    if (!body.isBlank()) {
      Object parsed;
      try {
        parsed = JsonReader.parse(body);
      } catch (JsonException e) {
        return Reply.errors(400, "failed to parse JSON input: " + e.getMessage());
      }
      Object requested = parsed instanceof Map ? ((Map<?, ?>) parsed).get("increment") : null;
      if (requested != null) {
        Long seconds = Durations.seconds(requested.toString());
        if (seconds == null) {
          return Reply.errors(400, "invalid increment");
        }
        increment = seconds;
      }
    }
    Instant expires = now.plusSeconds(increment);
    if (!token.spec.maxTtl().isZero()) {
      Instant limit = token.issued.plus(token.spec.maxTtl());
      if (expires.isAfter(limit)) {
        expires = limit;
      }
    }
    token.expires = expires;
    return Reply.json(200, Reply.envelope(null, 0, token.authBlock(now), null));
  }

  private Reply login(String method, String mount, String namespace, String body, Instant now) {
    AuthMount auth = auths.getOrDefault(namespace, Map.of()).get(mount);
    if (auth == null) {
      return Reply.permissionDenied(); // an unauthenticated request to a path nobody mounted
    }
    if (!method.equals("POST") && !method.equals("PUT")) {
      return Reply.errors(405, "unsupported operation");
    }
    Map<?, ?> request;
    try {
      Object parsed = JsonReader.parse(body.isBlank() ? "{}" : body);
      if (!(parsed instanceof Map)) {
        return Reply.errors(400, "failed to parse JSON input: not an object");
      }
      request = (Map<?, ?>) parsed;
    } catch (JsonException e) {
      return Reply.errors(400, "failed to parse JSON input: " + e.getMessage());
    }
    AuthMount.Role role;
    Map<String, String> metadata = new LinkedHashMap<>();
    if (auth.type.equals(AuthMount.APPROLE)) {
      Object roleId = request.get("role_id");
      if (!(roleId instanceof String)) {
        return Reply.errors(400, "missing role_id");
      }
      role = auth.roles.get(roleId);
      if (role == null || !role.credential.equals(request.get("secret_id"))) {
        return Reply.errors(400, "invalid role or secret ID");
      }
      metadata.put("role_name", "role-" + Integer.toHexString(roleId.hashCode()));
    } else {
      Object name = request.get("role");
      if (!(name instanceof String)) {
        return Reply.errors(400, "missing role");
      }
      Object jwt = request.get("jwt");
      if (!(jwt instanceof String) || ((String) jwt).isEmpty()) {
        return Reply.errors(400, "missing jwt");
      }
      role = auth.roles.get(name);
      if (role == null) {
        return Reply.errors(400, "invalid role name \"" + name + "\"");
      }
      if (!role.credential.equals(jwt)) {
        return Reply.permissionDenied();
      }
      metadata.put("role", (String) name);
      metadata.put("service_account_name", "default");
      metadata.put("service_account_namespace", "default");
    }
    TokenStore.Token token = tokens.issue(null, namespace, role.spec, "auth/" + mount + "/login", metadata, now);
    return Reply.json(200, Reply.envelope(null, 0, token.authBlock(now), null));
  }

  /** The canned answer of a fault. */
  public static Reply fault(LocalVaultFault fault) {
    switch (fault) {
      case NOT_JSON:
        return Reply.raw(200, "<html><body>Bad gateway</body></html>");
      case WRONG_SHAPE:
        return Reply.raw(200, "[\"data\"]");
      case MISSING_DATA:
        return Reply.json(200, Reply.envelope(null, 0, null, null));
      case EMPTY_BODY:
        return Reply.raw(200, "");
      case TRUNCATED:
        return Reply.raw(200, "{\"request_id\":\"x\",\"data\":{\"data\":{\"tok");
      default:
        throw new IllegalArgumentException(fault.toString());
    }
  }

  /** For tests that list what was issued. */
  public List<TokenStore.Token> issuedTokens() {
    return tokens.all();
  }
}
