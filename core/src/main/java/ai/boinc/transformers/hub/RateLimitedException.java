package ai.boinc.transformers.hub;

import java.time.Duration;
import java.util.Optional;

/**
 * The hub kept answering HTTP 429 (too many requests) until the {@link RetryPolicy} gave up.
 * Retryable: wait {@link #retryAfter()} (when the hub said) and try again.
 */
public class RateLimitedException extends HubHttpException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(
      String message, String repoId, String filename, String revision, Duration retryAfter) {
    super(message, repoId, filename, revision, 429);
    this.retryAfter = retryAfter;
  }

  /** How long the hub asked to wait ({@code Retry-After} or {@code RateLimit: ...;t=}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
