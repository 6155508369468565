package ai.boinc.transformers.credentials.vault.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vault duration values: whole seconds ({@code 3600}, {@code "3600"}) or Go strings ({@code
 * "1h30m"}, {@code "90s"}, {@code "2d"} is not Go and is rejected).
 */
final class GoDurations {
  /** Longer leases are treated as this long, so that {@code now + lease} never overflows. */
  static final Duration MAX_LEASE = Duration.ofDays(3650);
  private static final Pattern GO = Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

  private GoDurations() {}

  /** The duration, or zero when {@code text} is not one. */
  static Duration parse(String text) {
    String value = text.trim();
    if (value.isEmpty()) {
      return Duration.ZERO;
    }
    if (value.matches("\\d{1,12}")) {
      return cap(Duration.ofSeconds(Long.parseLong(value)));
    }
    Matcher m = GO.matcher(value);
    if (!m.matches()) {
      return Duration.ZERO;
    }
    Duration d = Duration.ZERO;
    if (m.group(1) != null) {
      d = d.plusHours(Long.parseLong(m.group(1)));
    }
    if (m.group(2) != null) {
      d = d.plusMinutes(Long.parseLong(m.group(2)));
    }
    if (m.group(3) != null) {
      d = d.plusSeconds(Long.parseLong(m.group(3)));
    }
    return cap(d);
  }

  /**
   * A lease given as a JSON number of seconds ({@code lease_duration}, {@code ttl}); zero when it
   * is absent, of another type or not positive.
   */
  static Duration seconds(JsonNode node) {
    if (!node.isNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
      return Duration.ZERO;
    }
    return cap(Duration.ofSeconds(node.asLong()));
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX_LEASE) > 0 ? MAX_LEASE : d;
  }
}
