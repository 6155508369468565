package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.vault.VaultException;
import ai.boinc.transformers.credentials.vault.VaultUnavailableException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;

/**
 * Keeps a usable Vault token: obtains one on first use, renews it ({@code renew-self}) once two
 * thirds of its TTL have passed while it is renewable, and obtains a new one (login, or reading
 * the token file again) when it is not renewable, renewal fails or it has expired. Thread-safe;
 * calls are serialized so that concurrent callers cause one login, not one each.
 */
public final class VaultSession {
  private static final Logger LOGGER = System.getLogger("ai.boinc.transformers.credentials.vault");

  private final LoginMethod method;
  private final VaultEndpoint endpoint;
  private SessionToken current; // guarded by this

  public VaultSession(LoginMethod method, VaultEndpoint endpoint) {
    this.method = method;
    this.endpoint = endpoint;
  }

  /** A token to send now. */
  public synchronized String token(Instant now) {
    if (current == null) {
      current = obtain(now, "first use");
    } else if (current.expired(now) && method.canObtainAgain()) {
      current = obtain(now, "the token expired");
    } else if (current.due(now)) {
      if (current.renewable) {
        current = renewOrObtain(now);
      } else if (method.canObtainAgain()) {
        current = obtain(now, "the token is not renewable and most of its TTL has passed");
      }
    }
    return current.secret;
  }

  /**
   * After a successful read: learns the TTL of a token given as a value ({@code lookup-self}), so it
   * can be renewed in time. A lookup Vault refuses (a spent {@code num_uses} token, a policy without
   * lookup) leaves the token as it is: the next read says whether it still works.
   */
  public synchronized void learnLifetime(Instant now) {
    if (current == null || !current.lookupPending) {
      return;
    }
    try {
      current = TokenLookup.lookup(endpoint, current.secret, now);
    } catch (VaultException e) {
      LOGGER.log(Level.DEBUG, () -> "Could not look up the Vault token's TTL; using it as it is: " + e.getMessage());
      current = new SessionToken(current.secret, current.obtained, current.ttl, false);
    }
  }

  /** Whether {@link #invalidate()} followed by {@link #token} can give a different token. */
  public boolean canObtainAgain() {
    return method.canObtainAgain();
  }

  /** Forgets the token, e.g. after Vault refused it with 403; the next call obtains a new one. */
  public synchronized void invalidate() {
    current = null;
  }

  public String describe() {
    return method.describe();
  }

  private SessionToken obtain(Instant now, String why) {
    SessionToken token = method.obtain(endpoint, now);
    LOGGER.log(Level.DEBUG, () -> "Obtained a Vault token from " + endpoint.where() + " by " + method.describe()
        + " (" + why + "); TTL " + (token.ttl.isZero() ? "none" : token.ttl.getSeconds() + " s")
        + (token.renewable ? ", renewable" : ""));
    return token;
  }

  private SessionToken renewOrObtain(Instant now) {
    String operation = "renewing the Vault token (auth/token/renew-self)";
    VaultReply reply;
    try {
      reply = endpoint.send("auth/token/renew-self", null, current.secret, java.util.Map.of(), operation);
    } catch (VaultUnavailableException e) {
      if (current.expired(now)) {
        throw e;
      }
      LOGGER.log(Level.DEBUG, () -> "Could not renew the Vault token yet; it is still valid until " + current.expiry());
      return current;
    }
    if (reply.isSuccess()) {
      SessionToken renewed;
      try {
        renewed = AuthLogin.fromAuthBlock(endpoint, reply, operation, now);
      } catch (VaultException e) {
        return fallback(now, "the renewal answer was malformed", e);
      }
      boolean extended = renewed.ttl.isZero() || renewed.expiry().isAfter(current.expiry());
      // renew-self answers with the same token; keep ours in case a proxy rewrote it
      SessionToken next = new SessionToken(current.secret, now, renewed.ttl, renewed.renewable && extended);
      LOGGER.log(Level.DEBUG, () -> "Renewed the Vault token at " + endpoint.where() + "; TTL "
          + next.ttl.getSeconds() + " s" + (extended ? "" : " (at its maximum TTL; will log in again)"));
      return next;
    }
    if (reply.status >= 500 || reply.status == 429 || reply.status == 412) {
      if (current.expired(now)) {
        throw endpoint.unexpected(reply, operation);
      }
      return current;
    }
    return fallback(now, "Vault refused the renewal (" + endpoint.summary(reply) + ")", null);
  }

  private SessionToken fallback(Instant now, String why, VaultException failure) {
    if (method.canObtainAgain()) {
      return obtain(now, why);
    }
    if (failure != null && current.expired(now)) {
      throw failure;
    }
    LOGGER.log(Level.DEBUG, () -> "Keeping the Vault token given as " + method.describe() + ": " + why);
    return new SessionToken(current.secret, current.obtained, current.ttl, false);
  }
}
