package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.RetryPolicy;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The wait before the n-th retry: {@code min(maxDelay, baseDelay * 2^(n-1))}, shortened by a random
 * fraction of up to {@code jitter} of it so that clients that failed together do not retry
 * together.
 */
final class Backoff {
  private final RetryPolicy policy;
  private final DoubleSupplier random;

  Backoff(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  static Backoff of(RetryPolicy policy) {
    return new Backoff(policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry) {
    return policy.delayBefore(retry, random.getAsDouble());
  }

  /** Waits with the policy's sleeper; an interrupt ends the wait as an {@link InterruptedIOException}. */
  static void sleep(RetryPolicy policy, Duration delay, String what) throws InterruptedIOException {
    try {
      policy.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while " + what);
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
