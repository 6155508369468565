package ai.boinc.transformers.credentials.vault.internal;

import java.time.Duration;
import java.time.Instant;

/** A Vault token with what is known of its life. Immutable; {@link #toString()} hides the token. */
final class SessionToken {
  final String secret;
  final Instant obtained;
  /** Zero when the token never expires or its TTL is unknown. */
  final Duration ttl;
  final boolean renewable;
  /** A token given as a value whose TTL is not known yet: looked up once a read with it succeeded. */
  final boolean lookupPending;

  SessionToken(String secret, Instant obtained, Duration ttl, boolean renewable) {
    this(secret, obtained, ttl, renewable, false);
  }

  private SessionToken(String secret, Instant obtained, Duration ttl, boolean renewable, boolean lookupPending) {
    this.secret = secret;
    this.obtained = obtained;
    this.ttl = ttl;
    this.renewable = renewable && !ttl.isZero();
    this.lookupPending = lookupPending;
  }

  /**
   * A token given as a value (VAULT_TOKEN, a token file), used as it is until a read with it
   * succeeded: a lookup first would spend the only use of a {@code num_uses=1} token.
   */
  static SessionToken given(String secret, Instant now) {
    return new SessionToken(secret, now, Duration.ZERO, false, true);
  }

  boolean expired(Instant now) {
    return !ttl.isZero() && !now.isBefore(obtained.plus(ttl));
  }

  /** Past two thirds of its TTL: time to renew it, or to log in again. */
  boolean due(Instant now) {
    return !ttl.isZero() && !now.isBefore(obtained.plus(ttl.multipliedBy(2).dividedBy(3)));
  }

  Instant expiry() {
    return obtained.plus(ttl);
  }

  @Override
  public String toString() {
    return "SessionToken[****, ttl=" + ttl.getSeconds() + "s, renewable=" + renewable + "]";
  }
}
