package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * One logical request through the {@link Pipeline} (its retries and redirect hops included): what
 * it is for, its limits, and the state the interceptors share. Confined to one thread.
 */
final class Call {
  final FileContext ctx;
  final Duration timeout;
  /** Metadata requests stop at a redirect to another origin: the answer is in the redirect. */
  final boolean sameOriginOnly;
  final RetryPolicy retryPolicy;
  /** Cleared for good once a redirect leaves the hub's origin, even if a later hop comes back. */
  boolean authAllowed = true;
  /** Whether the request that produced the last response carried the token. */
  boolean tokenSent;
  /** The wait the hub asked for on its last retryable answer, if any. */
  Optional<Duration> retryAfter = Optional.empty();
  /** The try under way, from 1: counted after the retry step, logged with each request. */
  int attempt;
  /** Requests sent to the transport, redirect hops and retries included. */
  int requestsSent;

  Call(FileContext ctx, Duration timeout, boolean sameOriginOnly, RetryPolicy retryPolicy) {
    this.ctx = ctx;
    this.timeout = timeout;
    this.sameOriginOnly = sameOriginOnly;
    this.retryPolicy = retryPolicy;
  }
}
