package ai.boinc.transformers.testkit.internal.vault;

import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens issued by the emulator. Not thread-safe: the emulator calls it under its lock. */
public final class TokenStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Token> tokens = new LinkedHashMap<>();

  /** An issued token. Fields change only under the emulator's lock. */
  public static final class Token {
    public final String id;
    public final String accessor;
    public final String namespace;
    public final LocalVaultTokenSpec spec;
    public final String path;
    public final Map<String, String> metadata;
    public final Instant issued;
    public Instant expires; // null: never
    public boolean revoked;
    /** Requests left before the token is spent; 0 when unlimited. */
    public int usesLeft;

    Token(String id, String namespace, LocalVaultTokenSpec spec, String path, Map<String, String> metadata, Instant now) {
      this.id = id;
      this.accessor = randomId("acc.");
      this.namespace = namespace;
      this.spec = spec;
      this.path = path;
      this.metadata = metadata;
      this.issued = now;
      this.expires = spec.ttl().isZero() ? null : now.plus(spec.ttl());
      this.usesLeft = spec.numUses();
    }

    public long secondsLeft(Instant now) {
      return expires == null ? 0 : Math.max(0, Duration.between(now, expires).getSeconds());
    }

    /** The {@code auth} block of login and renew answers. */
    public Map<String, Object> authBlock(Instant now) {
      Map<String, Object> auth = new LinkedHashMap<>();
      auth.put("client_token", id);
      auth.put("accessor", accessor);
      auth.put("policies", spec.policies());
      auth.put("token_policies", spec.policies());
      auth.put("metadata", metadata);
      auth.put("lease_duration", secondsLeft(now));
      auth.put("renewable", spec.renewable() && expires != null);
      auth.put("entity_id", "");
      auth.put("token_type", "service");
      auth.put("orphan", true);
      return auth;
    }
  }

  public Token issue(String id, String namespace, LocalVaultTokenSpec spec, String path,
      Map<String, String> metadata, Instant now) {
    Token token = new Token(id == null ? randomId("hvs.") : id, namespace, spec, path, metadata, now);
    tokens.put(token.id, token);
    return token;
  }

  /**
   * The token if it exists, is neither revoked nor expired, and belongs to {@code namespace} or
   * one of its parents; else null. Counts one use of a token with {@code num_uses}, as Vault does
   * for every request; the last use revokes it.
   */
  public Token valid(String id, String namespace, Instant now) {
    Token token = id == null ? null : tokens.get(id);
    if (token == null || token.revoked || (token.expires != null && !now.isBefore(token.expires))) {
      return null;
    }
    boolean visible = token.namespace.isEmpty() || token.namespace.equals(namespace)
        || namespace.startsWith(token.namespace + "/");
    if (!visible) {
      return null;
    }
    if (token.usesLeft > 0 && --token.usesLeft == 0) {
      token.revoked = true; // this request is its last
    }
    return token;
  }

  public boolean revoke(String id) {
    Token token = tokens.get(id);
    if (token == null) {
      return false;
    }
    token.revoked = true;
    return true;
  }

  public List<Token> all() {
    return List.copyOf(tokens.values());
  }

  static String randomId(String prefix) {
    StringBuilder out = new StringBuilder(prefix);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 24; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
