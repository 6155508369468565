package ai.boinc.transformers.cli;

import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log records of the SDK (a cached file used because the hub is down, a token file others can
 * read) as one line each, {@code warning: ...}, like the CLI's own messages, instead of
 * java.util.logging's two-line default with a timestamp and class name. Left alone when the user
 * configured logging with {@code -Djava.util.logging.config.file}.
 */
final class OneLineLogFormat extends Formatter {
  OneLineLogFormat() {}

  /** Installs this format on the root logger's handlers of this process. */
  static void install() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setFormatter(new OneLineLogFormat());
    }
  }

  @Override
  public String format(LogRecord record) {
    // INFO lines are progress news ("retrying in 2 s (connection refused): ..."), not problems: no prefix.
    String prefix = record.getLevel() == Level.INFO ? "" : levelName(record.getLevel()) + ": ";
    return prefix + formatMessage(record) + System.lineSeparator();
  }

  /** The System.Logger name the SDK logged with: DEBUG arrives as FINE, TRACE as FINER. */
  private static String levelName(Level level) {
    if (level.intValue() >= Level.INFO.intValue()) {
      return level.getName().toLowerCase(Locale.ROOT);
    }
    return level.intValue() >= Level.FINE.intValue() ? "debug" : "trace";
  }
}
