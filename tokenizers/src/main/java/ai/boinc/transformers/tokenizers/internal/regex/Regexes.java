package ai.boinc.transformers.tokenizers.internal.regex;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.RegexLimitExceededException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions from tokenizer files, made safe to run on hostile patterns and inputs.
 *
 * <p>Why: {@link java.util.regex} backtracks. Since Java 9 it memoizes plain nested loops (so
 * {@code (a+)+$} is harmless), but bounded repetition of a group such as {@code (a*){1,25}b}
 * still takes exponential time on {@code "aaaa…!"}, other patterns are quadratic on long inputs,
 * and a repeated group recurses once per repetition, so a long input can overflow the stack. Two
 * guards:
 *
 * <ul>
 *   <li>At load, {@link #compile} rejects (with a {@code TokenizerLoadException} at the JSON path)
 *       patterns longer than {@value #MAX_PATTERN_LENGTH} chars, nested deeper than {@value
 *       #MAX_GROUP_DEPTH} groups, invalid ones, and ones that fail a probe: each of a set of
 *       adversarial inputs (runs of one character followed by a character that breaks the match)
 *       must be scanned within {@value #PROBE_STEPS} steps.
 *   <li>At run time, {@link #matcher} wraps the text in a {@code CharSequence} that counts the
 *       regex engine's character reads and throws {@link RegexLimitExceededException} past
 *       {@value #BASE_STEPS} + {@value #STEPS_PER_CHAR} × length reads; {@link #find} turns a
 *       stack overflow inside the engine into the same exception. Literal patterns cannot
 *       backtrack and run unwrapped.
 * </ul>
 *
 * <p>Thread-safe (stateless).
 */
public final class Regexes {
  public static final int MAX_PATTERN_LENGTH = 10_000;
  public static final int MAX_GROUP_DEPTH = 50;
  public static final long PROBE_STEPS = 200_000;
  public static final long BASE_STEPS = 1_000_000;
  public static final long STEPS_PER_CHAR = 1_000;
  private static final int PROBE_RUN = 24;
  private static final String[] PROBE_TAILS = {"", "!", "\u0000", "\uD83D\uDE00", "a"};
  private static final String PROBE_CHARS = "aA0 \n\t.'-_é中\u2581";

  private Regexes() {}

  /**
   * Compiles a pattern from a tokenizer file after the load-time checks.
   *
   * @param at the JSON string holding the pattern, for messages
   * @throws ai.boinc.transformers.tokenizers.TokenizerLoadException if a check fails
   */
  public static Pattern compile(JsonValue at, String regex, int flags) {
    checkSize(at, regex);
    Pattern p;
    try {
      p = Pattern.compile(regex, flags);
    } catch (PatternSyntaxException e) {
      throw at.error("invalid regular expression (" + e.getDescription() + ")");
    } catch (StackOverflowError e) {
      throw at.error("regular expression too deeply nested to compile");
    }
    if ((flags & Pattern.LITERAL) == 0) {
      probe(at, p);
    }
    return p;
  }

  /**
   * Checks an Oniguruma pattern from a tokenizer file: size and nesting of the source, that it can
   * be reproduced with java.util.regex, and that the translation does not backtrack
   * catastrophically on short probes.
   *
   * @throws ai.boinc.transformers.tokenizers.TokenizerLoadException if a check fails
   */
  public static void checkOniguruma(JsonValue at, String regex) {
    if (WordScanner.forPattern(regex) != null) {
      // One of the few fixed patterns with a hand-written scanner: they pass these checks (see
      // RegexesTest), and compiling and probing them costs tens of ms in a fresh JVM.
      return;
    }
    checkOnigurumaFully(at, regex);
  }

  /** Rejects a pattern too long or too deeply nested to compile safely. */
  private static void checkSize(JsonValue at, String regex) {
    if (regex.length() > MAX_PATTERN_LENGTH) {
      throw at.error(
          "regular expression of " + regex.length() + " characters is longer than the "
              + MAX_PATTERN_LENGTH + " allowed");
    }
    int depth = groupDepth(regex);
    if (depth > MAX_GROUP_DEPTH) {
      throw at.error(
          "regular expression nests groups " + depth + " deep; at most " + MAX_GROUP_DEPTH
              + " allowed");
    }
  }

  /** {@link #checkOniguruma} without the shortcut for the patterns of {@link WordScanner}. */
  static OnigRegex checkOnigurumaFully(JsonValue at, String regex) {
    checkSize(at, regex);
    OnigRegex compiled;
    try {
      compiled = OnigRegex.compile(regex);
    } catch (PatternSyntaxException e) {
      throw at.error("invalid or unsupported regular expression (" + e.getDescription() + ")");
    } catch (StackOverflowError e) {
      throw at.error("regular expression too deeply nested to compile");
    }
    probe(at, compiled.pattern());
    return compiled;
  }

  /** A matcher over {@code text} that fails with {@link RegexLimitExceededException} instead of hanging. */
  public static Matcher matcher(Pattern pattern, CharSequence text) {
    if ((pattern.flags() & Pattern.LITERAL) != 0) {
      return pattern.matcher(text);
    }
    long limit = BASE_STEPS + STEPS_PER_CHAR * (long) text.length();
    return pattern.matcher(new Budgeted(text, limit, pattern));
  }

  /** {@link Matcher#find()}, with a stack overflow in the regex engine reported as a limit. */
  public static boolean find(Matcher m) {
    try {
      return m.find();
    } catch (StackOverflowError e) {
      throw recursedTooDeeply(m.pattern(), m.regionEnd());
    }
  }

  /** {@link Matcher#find(int)}, with a stack overflow in the regex engine reported as a limit. */
  public static boolean find(Matcher m, int from) {
    try {
      return m.find(from);
    } catch (StackOverflowError e) {
      throw recursedTooDeeply(m.pattern(), m.regionEnd());
    }
  }

  /**
   * {@link Matcher#replaceAll(String)} under the run-time guard; {@code replacement} is in {@link
   * Matcher#quoteReplacement} form.
   */
  public static String replaceAll(Pattern pattern, CharSequence text, String replacement) {
    Matcher m = matcher(pattern, text);
    try {
      return m.replaceAll(replacement);
    } catch (StackOverflowError e) {
      throw recursedTooDeeply(pattern, text.length());
    }
  }

  /** The limit error for a stack overflow of the regex engine on a text of {@code length} chars. */
  private static RegexLimitExceededException recursedTooDeeply(Pattern pattern, int length) {
    return new RegexLimitExceededException(
        "regular expression /" + pattern.pattern() + "/ recursed too deeply on a text of "
            + length + " chars (java.util.regex recurses once per repetition of a group)",
        pattern.pattern(),
        null);
  }

  private static void probe(JsonValue at, Pattern p) {
    Set<Character> chars = new LinkedHashSet<>();
    for (char c : PROBE_CHARS.toCharArray()) {
      chars.add(c);
    }
    String regex = p.pattern();
    for (int i = 0; i < regex.length() && chars.size() < PROBE_CHARS.length() + 12; i++) {
      char c = regex.charAt(i);
      if (i > 0 && regex.charAt(i - 1) == '\\') {
        continue;
      }
      if (!Character.isSurrogate(c) && "()[]{}|*+?^$\\".indexOf(c) < 0) {
        chars.add(c);
      }
    }
    StringBuilder run = new StringBuilder();
    for (char c : chars) {
      run.setLength(0);
      for (int k = 0; k < PROBE_RUN; k++) {
        run.append(c);
      }
      for (String tail : PROBE_TAILS) {
        String input = run + tail;
        Matcher m = p.matcher(new Budgeted(input, PROBE_STEPS, p));
        try {
          while (m.find()) {
            if (m.end() == m.start() && m.end() >= input.length()) {
              break;
            }
          }
        } catch (RegexLimitExceededException e) {
          throw at.error(
              "regular expression backtracks catastrophically: more than " + PROBE_STEPS
                  + " steps on the " + input.length() + "-char probe " + describe(input));
        } catch (StackOverflowError e) {
          throw at.error("regular expression overflows the stack on a short probe " + describe(input));
        }
      }
    }
  }

  private static String describe(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** Nesting depth of parentheses, ignoring escaped ones and those inside character classes. */
  static int groupDepth(String regex) {
    int depth = 0;
    int max = 0;
    int classDepth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (classDepth == 0 && c == '(') {
        max = Math.max(max, ++depth);
      } else if (classDepth == 0 && c == ')' && depth > 0) {
        depth--;
      }
    }
    return max;
  }

  /** The text, counting reads; the regex engine reads every character through {@link #charAt}. */
  private static final class Budgeted implements CharSequence {
    private final CharSequence text;
    private final long limit;
    private final Pattern pattern;
    private long steps;

    Budgeted(CharSequence text, long limit, Pattern pattern) {
      this.text = text;
      this.limit = limit;
      this.pattern = pattern;
    }

    @Override
    public char charAt(int index) {
      if (++steps > limit) {
        throw new RegexLimitExceededException(
            "regular expression /" + pattern.pattern() + "/ needed more than " + limit
                + " steps on a text of " + text.length() + " chars; it backtracks"
                + " catastrophically on this input",
            pattern.pattern(),
            null);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
