package ai.boinc.transformers.tokenizers.internal.regex;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression written for Oniguruma (the engine the reference library runs {@code Split}
 * and {@code Replace} patterns on, with its default syntax and options), translated to {@link
 * java.util.regex} so that Java matches exactly what Oniguruma matches.
 *
 * <p>Why a translation: the two engines are both backtracking engines with leftmost-first
 * alternation, but they read the same text differently. Oniguruma's {@code \s}, {@code \d},
 * {@code \w}, {@code \b} and POSIX brackets are Unicode-aware, {@code \h} is a hex digit, {@code
 * \v} is only VT, {@code .} excludes only {@code \n}, {@code ^}/{@code $} are line anchors, a
 * mid-group {@code (?i)} swallows the alternatives after it, {@code x{n,m}+} is two quantifiers
 * (not a possessive one), {@code {,n}} means {@code {0,n}} and case-insensitivity is Unicode.
 * Constructs Java cannot express ({@code \K}, subexpression calls, absent operators,
 * conditionals, unknown properties) are rejected rather
 * than silently matched differently: {@link #compile} throws a {@link PatternSyntaxException}
 * whose description says what is wrong or unsupported.
 *
 * <p>Known difference: Oniguruma's multi-character case folding ({@code (?i)ß} matching {@code
 * ss}) is not reproduced; single characters fold as in Oniguruma.
 *
 * <p>{@link #findAll} iterates like the reference ({@code onig::FindMatches}): an empty match
 * right after the previous match is skipped, and the search moves on by whole code points.
 * Immutable and thread-safe.
 */
public final class OnigRegex {

  private final String source;
  /**
   * The translated pattern; compiled on first use when {@link #scanner} matches instead (its
   * patterns are known valid, and translating and compiling one costs tens of milliseconds in a
   * fresh JVM). Volatile: the first use may race, and any thread's result serves.
   */
  private volatile Pattern pattern;
  /** The hand-written equivalent of this pattern, or null to run the regex engine. */
  private final WordScanner scanner;

  private OnigRegex(String source, Pattern pattern, WordScanner scanner) {
    this.source = source;
    this.pattern = pattern;
    this.scanner = scanner;
  }

  /**
   * Translates and compiles an Oniguruma pattern.
   *
   * @throws PatternSyntaxException if the pattern is invalid for Oniguruma or uses a construct
   *     that cannot be reproduced; the description says which
   */
  public static OnigRegex compile(String onigPattern) {
    WordScanner scanner = WordScanner.forPattern(onigPattern);
    if (scanner != null) {
      return new OnigRegex(onigPattern, null, scanner);
    }
    return new OnigRegex(onigPattern, translate(onigPattern), null);
  }

  private static Pattern translate(String onigPattern) {
    String java = new OnigTranslator(onigPattern).translate();
    if (java.contains("(?<=") || java.contains("(?<!")) {
      // A literal astral character anywhere in the pattern makes Java look behind by code
      // points; without one, (?<=\\p{L}) never sees a letter outside the BMP.
      java = "(?:" + java + ")|(?!)\uD800\uDC00";
    }
    try {
      return Pattern.compile(java, Pattern.UNIX_LINES | Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw new PatternSyntaxException(
          "cannot reproduce with java.util.regex (" + e.getDescription() + ")", onigPattern, -1);
    }
  }

  /** A pattern matching {@code literal} exactly (an empty literal matches nothing). */
  public static OnigRegex literal(String literal) {
    if (literal.isEmpty()) {
      return new OnigRegex(literal, Pattern.compile("(?!)"), null);
    }
    return new OnigRegex(literal, Pattern.compile(literal, Pattern.LITERAL), null);
  }

  /** The translated {@link Pattern}. */
  public Pattern pattern() {
    Pattern p = pattern;
    if (p == null) {
      p = translate(source);
      pattern = p;
    }
    return p;
  }

  /** The Oniguruma source. */
  public String source() {
    return source;
  }

  /**
   * All matches in {@code text} as {@code [start0, end0, start1, end1, ...]} (UTF-16 indices),
   * iterated as the reference does.
   */
  public int[] findAll(CharSequence text) {
    return scanner != null ? scanner.findAll(text) : findAllByRegex(text);
  }

  /** {@link #findAll} on the regex engine even when a {@link WordScanner} exists. */
  int[] findAllByRegex(CharSequence text) {
    int[] out = new int[16];
    int n = 0;
    int len = text.length();
    // Guarded: a hostile pattern on a long text fails with RegexLimitExceededException, not a hang.
    Matcher m = Regexes.matcher(pattern(), text);
    int from = 0;
    int lastMatchEnd = -1;
    while (from <= len && Regexes.find(m, from)) {
      int s = m.start();
      int e = m.end();
      if (s == e) {
        from = e < len ? e + Character.charCount(Character.codePointAt(text, e)) : len + 1;
        if (e == lastMatchEnd) {
          continue;
        }
      } else {
        from = e;
      }
      lastMatchEnd = e;
      if (n + 2 > out.length) {
        out = Arrays.copyOf(out, 2 * out.length);
      }
      out[n++] = s;
      out[n++] = e;
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public String toString() {
    return source;
  }

}

