package ai.boinc.transformers.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code --debug} and {@code BA_LOG=debug}: the SDK's DEBUG records (one line per hub, CDN and
 * Vault request, with secrets redacted by the SDK) go to standard error for the length of one run,
 * formatted as {@code debug: ...}. Undone by {@link #close()}, so runs in one JVM (the tests) do
 * not leak the setting into each other.
 */
final class DebugLog implements AutoCloseable {
  private static final String SDK_LOGGER = "ai.boinc.transformers";

  private final PrintWriter err;
  private Logger logger;
  private Handler handler;
  private Level previousLevel;

  DebugLog(PrintWriter err) {
    this.err = err;
  }

  /** Turned on by {@code BA_LOG=debug} (or {@code trace}) in {@code environment}. */
  static DebugLog from(Map<String, String> environment, PrintWriter err) {
    DebugLog log = new DebugLog(err);
    String level = environment.getOrDefault("BA_LOG", "").trim().toLowerCase(Locale.ROOT);
    if (level.equals("debug") || level.equals("trace")) {
      log.enable();
    }
    return log;
  }

  /** Sends the SDK's records from DEBUG up to standard error; repeated calls do nothing more. */
  synchronized void enable() {
    if (handler != null) {
      return;
    }
    logger = Logger.getLogger(SDK_LOGGER);
    previousLevel = logger.getLevel();
    handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (isLoggable(record)) {
          err.print(getFormatter().format(record));
          err.flush();
        }
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        flush();
      }
    };
    handler.setFormatter(new OneLineLogFormat());
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.FINE);
    // Below INFO the root's console handler drops the record; at INFO and above it prints it, so
    // this handler takes only what the root would not show.
    handler.setFilter(record -> record.getLevel().intValue() < Level.INFO.intValue());
    logger.addHandler(handler);
  }

  synchronized boolean isEnabled() {
    return handler != null;
  }

  @Override
  public synchronized void close() {
    if (handler != null) {
      logger.removeHandler(handler);
      logger.setLevel(previousLevel);
      handler = null;
    }
  }
}
