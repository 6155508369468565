package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the hub asked us to wait: {@code RateLimit: "api";r=0;t=55} (IETF draft, the reason for
 * a 429 only when {@code r=0}) or else {@code Retry-After: <seconds>}. The HTTP-date form of
 * {@code Retry-After} is ignored, as huggingface_hub does (hub-protocol.md section 8).
 */
final class RetryAfter {
  private static final Pattern REMAINING = Pattern.compile("(?:^|;)\\s*r\\s*=\\s*(\\d+)");
  private static final Pattern RESET = Pattern.compile("(?:^|;)\\s*t\\s*=\\s*(\\d+)");
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");
  /** Longer waits than a day are not taken literally. */
  private static final long MAX_SECONDS = 86_400;

  private RetryAfter() {}

  static Optional<Duration> parse(FetchHeaders headers) {
    Optional<Duration> rateLimit = headers.first("RateLimit").flatMap(RetryAfter::fromRateLimit);
    if (rateLimit.isPresent()) {
      return rateLimit;
    }
    return headers.first("Retry-After").flatMap(RetryAfter::fromRetryAfter);
  }

  /** {@code t} of a {@code RateLimit} value whose {@code r} is 0. */
  static Optional<Duration> fromRateLimit(String value) {
    Matcher remaining = REMAINING.matcher(value);
    Matcher reset = RESET.matcher(value);
    if (!remaining.find() || !reset.find()) {
      return Optional.empty();
    }
    if (!remaining.group(1).matches("0+")) {
      return Optional.empty();
    }
    return seconds(reset.group(1));
  }

  /** Delta-seconds only. */
  static Optional<Duration> fromRetryAfter(String value) {
    String trimmed = value.trim();
    return SECONDS.matcher(trimmed).matches() ? seconds(trimmed) : Optional.empty();
  }

  private static Optional<Duration> seconds(String digits) {
    if (digits.length() > 9) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(digits);
    return seconds > MAX_SECONDS ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }
}
