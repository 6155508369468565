package ai.boinc.transformers.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what is logged through java.util.logging (where {@code System.Logger} writes unless the
 * application routes it elsewhere) while a test runs, e.g. to assert that no secret is logged:
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.everything()) {
 *   hub.download("acme/private", "config.json");
 *   assertThat(logs.texts()).noneMatch(text -> text.contains(token));
 * }
 * }</pre>
 *
 * <p>{@link #close()} restores the logger's level and removes the capture. Thread-safe; not for
 * tests that run concurrently in one JVM, since logger levels are global.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private LogCapture(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
    this.previousLevel = logger.getLevel();
    logger.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Every logger of the JVM at level ALL, the JDK's own included. */
  public static LogCapture everything() {
    return new LogCapture("");
  }

  /** One logger and those below it (e.g. {@code "ai.boinc.transformers"}), at level ALL. */
  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  /** The records so far, in order. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The formatted messages of the records of the logger named {@code loggerName}. */
  public List<String> messages(String loggerName) {
    SimpleFormatter formatter = new SimpleFormatter();
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records) {
      if (loggerName.equals(record.getLoggerName())) {
        messages.add(formatter.formatMessage(record));
      }
    }
    return messages;
  }

  /** The formatted messages of the records at {@code level}, from any logger captured. */
  public List<String> messages(Level level) {
    SimpleFormatter formatter = new SimpleFormatter();
    List<String> messages = new ArrayList<>();
    for (LogRecord record : records) {
      if (level.equals(record.getLevel())) {
        messages.add(formatter.formatMessage(record));
      }
    }
    return messages;
  }

  /**
   * Each record as one text holding everything a handler could print: the logger's name, the
   * formatted message, the raw message and parameters, and the stack trace of its throwable.
   */
  public List<String> texts() {
    SimpleFormatter formatter = new SimpleFormatter();
    List<String> texts = new ArrayList<>();
    for (LogRecord record : records) {
      StringBuilder text = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ')
          .append(formatter.formatMessage(record)).append(' ').append(record.getMessage());
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append(' ').append(parameter);
        }
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        text.append(' ').append(trace);
      }
      texts.add(text.toString());
    }
    return texts;
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
  }
}
