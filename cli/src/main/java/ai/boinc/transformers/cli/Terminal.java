package ai.boinc.transformers.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * The user's terminal, when there is one: {@code ba login} reads the token from it without echo
 * and {@code ba download} draws progress bars on it. Tests pass their own.
 */
interface Terminal {
  /** Columns assumed when {@code COLUMNS} is unset or not a number. */
  int DEFAULT_WIDTH = 80;

  /** Whether a person is at a terminal (input and output not redirected). */
  boolean isInteractive();

  /**
   * Prompts and reads one line without echoing it; empty at the end of input. Only called when
   * {@link #isInteractive()}.
   */
  Optional<char[]> readSecret(String prompt);

  /** Columns of the terminal, for progress bars. */
  int width();

  /** No terminal: input and output are redirected. */
  static Terminal none() {
    return new Terminal() {
      @Override
      public boolean isInteractive() {
        return false;
      }

      @Override
      public Optional<char[]> readSecret(String prompt) {
        return Optional.empty();
      }

      @Override
      public int width() {
        return DEFAULT_WIDTH;
      }
    };
  }

  /** The terminal of this process, through {@link System#console()}. */
  static Terminal system(Map<String, String> environment) {
    Console console = System.console();
    boolean interactive = console != null && isTerminal(console);
    int width = width(environment);
    return new Terminal() {
      @Override
      public boolean isInteractive() {
        return interactive;
      }

      @Override
      public Optional<char[]> readSecret(String prompt) {
        return Optional.ofNullable(console.readPassword("%s", prompt));
      }

      @Override
      public int width() {
        return width;
      }
    };
  }

  /** The {@code COLUMNS} variable when it holds a sensible width, else {@link #DEFAULT_WIDTH}. */
  static int width(Map<String, String> environment) {
    String columns = environment.get("COLUMNS");
    if (columns != null) {
      try {
        int value = Integer.parseInt(columns.trim());
        if (value >= 20 && value <= 1000) {
          return value;
        }
      } catch (NumberFormatException ignored) {
        // fall back to the default
      }
    }
    return DEFAULT_WIDTH;
  }

  /**
   * Java 22 returns a console even when input or output is redirected and added {@code
   * Console.isTerminal()} to tell; older versions return null then.
   */
  private static boolean isTerminal(Console console) {
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
