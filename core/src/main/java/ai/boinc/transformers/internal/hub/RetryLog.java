package ai.boinc.transformers.internal.hub;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Each retry at INFO on the {@code ai.boinc.transformers.hub} logger, with its wait and reason, so
 * a user watching a slow download sees why it pauses (the CLI prints these lines on stderr).
 */
final class RetryLog {
  static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");

  private RetryLog() {}

  /** Logs {@code retrying in 2 s (connection refused): <what>, attempt 2 of 5}. */
  static void retrying(Duration delay, String reason, String what, int attempt, int attempts) {
    LOG.log(Level.INFO, "retrying in {0} ({1}): {2}, attempt {3} of {4}", wait(delay), reason, what, attempt,
        attempts);
  }

  /** {@code 2 s}, {@code 1.5 s}, {@code 250 ms}. */
  static String wait(Duration delay) {
    long millis = delay.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
