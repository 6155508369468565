package ai.boinc.transformers.testkit.internal.vault;

import java.time.Duration;
import java.util.Locale;

/** Vault duration strings: plain seconds ({@code "3600"}) or Go style ({@code "1h30m"}). */
final class Durations {
  private Durations() {}

  /** Seconds, or null when {@code text} is no duration. */
  static Long seconds(String text) {
    String value = text.trim();
    try {
      if (value.matches("\\d+")) {
        return Long.parseLong(value);
      }
      if (value.matches("(\\d+h)?(\\d+m)?(\\d+s)?") && !value.isEmpty()) {
        return Duration.parse("PT" + value.toUpperCase(Locale.ROOT)).getSeconds();
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }
}
