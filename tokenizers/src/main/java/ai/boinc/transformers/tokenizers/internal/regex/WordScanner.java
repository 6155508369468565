package ai.boinc.transformers.tokenizers.internal.regex;

import ai.boinc.transformers.tokenizers.internal.text.Text;
import java.util.Arrays;

/**
 * Hand-written matchers for the word-splitting regular expressions of the common byte-level
 * tokenizers (GPT-2 and RoBERTa, Llama 3, Qwen 2/3, o200k), giving exactly the matches {@link
 * OnigRegex#findAll} gives for them, in one pass without backtracking. {@link #forPattern}
 * recognizes a pattern by its exact source; any other pattern keeps running on the regex engine.
 *
 * <p>Why: these patterns split every text of these tokenizers, and a backtracking engine reading
 * through a guarded {@code CharSequence} spends most of an encode on them. Each scanner mirrors
 * its pattern's alternatives in order, with the regex's character classes as Oniguruma reads them
 * through {@link OnigRegex}'s translation ({@code \s} is White_Space, {@code \p{..}} are general
 * categories), including where the regex would backtrack (an optional prefix given back, the last
 * space of a run left for the next match). {@code WordScannerTest} checks every scanner against
 * the regex on arbitrary text. Immutable and thread-safe.
 */
public abstract class WordScanner {
  static final String GPT2 =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
  static final String LLAMA3 =
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
          + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
  static final String QWEN2 =
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
          + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
  static final String O200K =
      "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
          + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
          + "|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
          + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
          + "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

  // Character classes, as bits: SPACE is \s, LETTER \p{L}, NUMBER \p{N}, NEWLINE [\r\n],
  // UPPER o200k's [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}], LOWER its [\p{Ll}\p{Lm}\p{Lo}\p{M}].
  private static final int SPACE = 1;
  private static final int LETTER = 2;
  private static final int NUMBER = 4;
  private static final int NEWLINE = 8;
  private static final int UPPER = 16;
  private static final int LOWER = 32;
  /** {@code [^\s\p{L}\p{N}]} is a character with none of these. */
  private static final int WORDISH = SPACE | LETTER | NUMBER;

  /**
   * The flags of every BMP character, computed when a scanner first runs rather than when one is
   * made: a tokenizer's load makes its scanner, and the table costs 13–15 ms in a fresh JVM.
   */
  private static final class Bmp {
    static final byte[] FLAGS = new byte[Character.MAX_VALUE + 1];

    static {
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        FLAGS[c] = (byte) computeFlags(c);
      }
    }
  }

  WordScanner() {}

  /** The scanner for this Oniguruma pattern source, or null if there is none. */
  public static WordScanner forPattern(String onigSource) {
    switch (onigSource) {
      case GPT2:
        return new Gpt2();
      case LLAMA3:
        return new Llama3(3);
      case QWEN2:
        return new Llama3(1);
      case O200K:
        return new O200k();
      default:
        return null;
    }
  }

  /**
   * End of the match that starts at {@code i}. In these patterns every character starts a match
   * (each is a letter, a number, a space or none of these), so there always is one.
   */
  abstract int matchAt(String s, int i);

  /**
   * End of the match that starts at {@code i} of {@code s} ({@code i < s.length()}): the matches
   * tile the text, each starting where the previous one ended.
   */
  public final int end(String s, int i) {
    return matchAt(s, i);
  }

  /** All matches, as {@link OnigRegex#findAll}: {@code [start0, end0, start1, end1, ...]}. */
  public final int[] findAll(CharSequence text) {
    String s = text.toString();
    int n = s.length();
    int[] out = new int[Math.min(1024, 2 + n / 2)];
    int k = 0;
    for (int i = 0; i < n; ) {
      int e = matchAt(s, i);
      if (k + 2 > out.length) {
        out = Arrays.copyOf(out, 2 * out.length);
      }
      out[k++] = i;
      out[k++] = e;
      i = e;
    }
    return Arrays.copyOf(out, k);
  }

  static int flags(int cp) {
    return cp <= Character.MAX_VALUE ? Bmp.FLAGS[cp] : computeFlags(cp);
  }

  private static int computeFlags(int cp) {
    int f = Text.isWhiteSpace(cp) ? SPACE : 0;
    if (cp == '\r' || cp == '\n') {
      f |= NEWLINE;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.TITLECASE_LETTER:
        return f | LETTER | UPPER;
      case Character.LOWERCASE_LETTER:
        return f | LETTER | LOWER;
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
        return f | LETTER | UPPER | LOWER;
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return f | UPPER | LOWER;
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return f | NUMBER;
      default:
        return f;
    }
  }

  private static int flagsAt(String s, int i) {
    return flags(s.codePointAt(i));
  }

  private static int next(String s, int i) {
    return i + (Character.isHighSurrogate(s.charAt(i)) ? Character.charCount(s.codePointAt(i)) : 1);
  }

  /** End of the run of characters having one of {@code any} flags from {@code i}. */
  private static int run(String s, int i, int any) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      // Below the surrogates a unit is a character: one table look-up, no code point decoding.
      if (c < Character.MIN_SURROGATE) {
        if ((Bmp.FLAGS[c] & any) == 0) {
          break;
        }
        i++;
      } else if ((flagsAt(s, i) & any) != 0) {
        i = next(s, i);
      } else {
        break;
      }
    }
    return i;
  }

  /** End of the run of {@code [^\s\p{L}\p{N}]} from {@code i}. */
  private static int otherRun(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c < Character.MIN_SURROGATE) {
        if ((Bmp.FLAGS[c] & WORDISH) != 0) {
          break;
        }
        i++;
      } else if ((flagsAt(s, i) & WORDISH) == 0) {
        i = next(s, i);
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * End of {@code 's|'t|'re|'ve|'m|'ll|'d} at {@code i}, or -1. Case-insensitively, a letter
   * matches as java.util.regex's Unicode case folding has it (so {@code ſ} matches {@code s}).
   */
  static int contraction(String s, int i, boolean ignoreCase) {
    int n = s.length();
    if (i + 1 >= n || s.charAt(i) != '\'') {
      return -1;
    }
    char a = s.charAt(i + 1);
    if (is(a, 's', ignoreCase) || is(a, 't', ignoreCase) || is(a, 'm', ignoreCase)
        || is(a, 'd', ignoreCase)) {
      return i + 2;
    }
    if (i + 2 >= n) {
      return -1;
    }
    char b = s.charAt(i + 2);
    if ((is(a, 'r', ignoreCase) || is(a, 'v', ignoreCase)) && is(b, 'e', ignoreCase)
        || is(a, 'l', ignoreCase) && is(b, 'l', ignoreCase)) {
      return i + 3;
    }
    return -1;
  }

  /** Whether {@code c} matches the lowercase ASCII letter {@code lower}, maybe ignoring case. */
  static boolean is(char c, char lower, boolean ignoreCase) {
    return c == lower
        || ignoreCase && Character.toLowerCase(Character.toUpperCase(c)) == lower;
  }

  /**
   * {@code \s*[\r\n]+|\s+(?!\S)|\s+} (or without the first alternative) at a space {@code i}:
   * a run of spaces up to its last line break; else the whole run if it ends the text; else the
   * run but its last space, which the next match takes; else the single space.
   */
  private static int spaces(String s, int i, boolean toLastNewline) {
    int n = s.length();
    int j = i;
    int lastNewline = -1;
    while (j < n) {
      char c = s.charAt(j);
      if (c == '\r' || c == '\n') {
        lastNewline = j;
      } else if (!Text.isWhiteSpace(c)) {
        break;
      }
      j++;
    }
    if (toLastNewline && lastNewline >= 0) {
      return lastNewline + 1;
    }
    // White_Space is all in the BMP, so the last space is one unit.
    return j == n || j - 1 == i ? j : j - 1;
  }

  /** GPT-2's {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}. */
  private static final class Gpt2 extends WordScanner {
    @Override
    int matchAt(String s, int i) {
      int e = contraction(s, i, false);
      if (e >= 0) {
        return e;
      }
      int p = i;
      int f = flagsAt(s, i);
      if (s.charAt(i) == ' ' && i + 1 < s.length()) {
        int g = flagsAt(s, i + 1);
        if ((g & SPACE) == 0) {
          p = i + 1;
          f = g;
        }
      }
      if ((f & LETTER) != 0) {
        return run(s, p, LETTER);
      }
      if ((f & NUMBER) != 0) {
        return run(s, p, NUMBER);
      }
      if ((f & SPACE) == 0) {
        return otherRun(s, p);
      }
      return spaces(s, i, false);
    }
  }

  /**
   * Llama 3's pattern, and Qwen's, which differs only in taking one number at a time: {@code
   * (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
   * ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+}.
   */
  private static final class Llama3 extends WordScanner {
    private final int maxDigits;

    Llama3(int maxDigits) {
      this.maxDigits = maxDigits;
    }

    @Override
    int matchAt(String s, int i) {
      int n = s.length();
      int e = contraction(s, i, true);
      if (e >= 0) {
        return e;
      }
      int f = flagsAt(s, i);
      int next = next(s, i);
      if ((f & LETTER) != 0) {
        return run(s, i, LETTER);
      }
      if ((f & (NEWLINE | NUMBER)) == 0 && next < n && (flagsAt(s, next) & LETTER) != 0) {
        return run(s, next, LETTER);
      }
      if ((f & NUMBER) != 0) {
        int end = next;
        for (int d = 1; d < maxDigits && end < n && (flagsAt(s, end) & NUMBER) != 0; d++) {
          end = next(s, end);
        }
        return end;
      }
      int p = s.charAt(i) == ' ' && next < n && (flagsAt(s, next) & WORDISH) == 0 ? next : i;
      if ((flagsAt(s, p) & WORDISH) == 0) {
        int end = otherRun(s, p);
        while (end < n && (s.charAt(end) == '\r' || s.charAt(end) == '\n')) {
          end++;
        }
        return end;
      }
      return spaces(s, i, true);
    }
  }

  /**
   * o200k's pattern (GPT-4o): words as upper-then-lower runs of letters and marks with an
   * optional leading non-letter and a trailing contraction, numbers of up to three digits,
   * punctuation runs followed by line breaks and slashes, and spaces as in Llama 3.
   */
  private static final class O200k extends WordScanner {
    @Override
    int matchAt(String s, int i) {
      int n = s.length();
      int f = flagsAt(s, i);
      int next = next(s, i);
      // [^\r\n\p{L}\p{N}]? is tried taking a character first, then without.
      boolean prefix = (f & (NEWLINE | LETTER | NUMBER)) == 0 && next < n;
      int e = prefix ? upperThenLower(s, next) : -1;
      if (e < 0) {
        e = upperThenLower(s, i);
      }
      if (e < 0 && prefix) {
        e = upperRunThenLower(s, next);
      }
      if (e < 0) {
        e = upperRunThenLower(s, i);
      }
      if (e >= 0) {
        int c = contraction(s, e, true);
        return c >= 0 ? c : e;
      }
      if ((f & NUMBER) != 0) {
        int end = next;
        for (int d = 1; d < 3 && end < n && (flagsAt(s, end) & NUMBER) != 0; d++) {
          end = next(s, end);
        }
        return end;
      }
      int p = s.charAt(i) == ' ' && next < n && (flagsAt(s, next) & WORDISH) == 0 ? next : i;
      if ((flagsAt(s, p) & WORDISH) == 0) {
        int end = otherRun(s, p);
        while (end < n && (s.charAt(end) == '\r' || s.charAt(end) == '\n' || s.charAt(end) == '/')) {
          end++;
        }
        return end;
      }
      return spaces(s, i, true);
    }

    /**
     * {@code UPPER*LOWER+} at {@code p}, or -1: the upper run is given back one character at a
     * time until a lower run can start, so the lower run starts at the end of the upper run or
     * else at its last character that is also lower (then just that character, since the ones
     * after it are not).
     */
    private static int upperThenLower(String s, int p) {
      int n = s.length();
      int q = p;
      int lastLower = -1;
      while (q < n) {
        int f = flagsAt(s, q);
        if ((f & UPPER) == 0) {
          break;
        }
        if ((f & LOWER) != 0) {
          lastLower = q;
        }
        q = next(s, q);
      }
      if (q < n && (flagsAt(s, q) & LOWER) != 0) {
        return run(s, q, LOWER);
      }
      return lastLower < 0 ? -1 : next(s, lastLower);
    }

    /** {@code UPPER+LOWER*} at {@code p}, or -1. */
    private static int upperRunThenLower(String s, int p) {
      if (p >= s.length() || (flagsAt(s, p) & UPPER) == 0) {
        return -1;
      }
      return run(s, run(s, p, UPPER), LOWER);
    }
  }
}
