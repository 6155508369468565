package ai.boinc.transformers.tokenizers.internal.regex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
  /** Oniguruma's Unicode {@code \s}: White_Space. */
  static final String SPACE_BODY =
      "\\t\\n\\x0B\\f\\r\\x20\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
          + "\\x{202F}\\x{205F}\\x{3000}";
  /** Oniguruma's Unicode {@code \w}: Alphabetic, marks, numbers and connector punctuation. */
  static final String WORD_BODY =
      "\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}\\x{B2}\\x{B3}\\x{B9}\\x{BC}-\\x{BE}";

  static final String DIGIT_BODY = "\\p{Nd}";
  static final String HEX_BODY = "0-9a-fA-F";

  private final String source;
  private final Pattern pattern;
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
    String java = new Translator(onigPattern).translate();
    if (java.contains("(?<=") || java.contains("(?<!")) {
      // A literal astral character anywhere in the pattern makes Java look behind by code
      // points; without one, (?<=\\p{L}) never sees a letter outside the BMP.
      java = "(?:" + java + ")|(?!)\uD800\uDC00";
    }
    try {
      return new OnigRegex(
          onigPattern,
          Pattern.compile(java, Pattern.UNIX_LINES | Pattern.MULTILINE),
          WordScanner.forPattern(onigPattern));
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
    return pattern;
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
    Matcher m = Regexes.matcher(pattern, text);
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

  /** Recursive-descent translator from Oniguruma syntax to Java syntax. */
  private static final class Translator {
    private final String src;
    private int pos;
    private final StringBuilder out = new StringBuilder();
    private boolean extended;
    private int groupCount;
    private final Map<String, String> groupNames = new HashMap<>();

    Translator(String src) {
      this.src = src;
    }

    String translate() {
      alternation();
      if (pos < src.length()) {
        throw error("unmatched close parenthesis");
      }
      return out.toString();
    }

    private PatternSyntaxException error(String what) {
      return new PatternSyntaxException(what, src, pos);
    }

    private boolean more() {
      return pos < src.length();
    }

    private int peek() {
      return src.codePointAt(pos);
    }

    private boolean lookingAt(String s) {
      return src.startsWith(s, pos);
    }

    /** alternatives up to ')' or the end. */
    private void alternation() {
      sequence();
      while (more() && peek() == '|') {
        pos++;
        out.append('|');
        sequence();
      }
    }

    private void skipExtended() {
      while (extended && more()) {
        int c = peek();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
          pos++;
        } else if (c == '#') {
          while (more() && peek() != '\n') {
            pos++;
          }
        } else {
          break;
        }
      }
    }

    private void sequence() {
      while (true) {
        skipExtended();
        if (!more() || peek() == '|' || peek() == ')') {
          return;
        }
        int atomStart = out.length();
        if (lookingAt("(?")) {
          // A bare option switch such as (?i) applies to the rest of the enclosing group,
          // alternatives included: Oniguruma reads a(?i)b|c as a(?i:b|c).
          int save = pos;
          String flags = optionSwitch();
          if (flags != null) {
            boolean savedExtended = extended;
            out.append("(?").append(flags).append(':');
            alternation();
            out.append(')');
            extended = savedExtended;
            return;
          }
          pos = save;
        }
        boolean quantifiable = atom();
        quantifiers(atomStart, quantifiable);
      }
    }

    /**
     * At {@code (?flags)}: consumes it, applies x, and returns the Java flags to open a group
     * with; null (nothing consumed) if this is not a bare option switch.
     */
    private String optionSwitch() {
      int p = pos + 2;
      while (p < src.length() && "imsxWDSPyaIL-".indexOf(src.charAt(p)) >= 0) {
        p++;
      }
      if (p >= src.length() || src.charAt(p) != ')' || p == pos + 2) {
        return null;
      }
      String flags = src.substring(pos + 2, p);
      pos = p + 1;
      return javaFlags(flags);
    }

    private String javaFlags(String flags) {
      StringBuilder on = new StringBuilder();
      StringBuilder off = new StringBuilder();
      boolean neg = false;
      for (int i = 0; i < flags.length(); i++) {
        char f = flags.charAt(i);
        switch (f) {
          case '-':
            neg = true;
            break;
          case 'i':
            (neg ? off : on).append("iu");
            break;
          case 'm':
            // Oniguruma's (?m) is Java's (?s): dot matches newline. (?s) is an error there.
            (neg ? off : on).append('s');
            break;
          case 'x':
            extended = !neg;
            break;
          default:
            throw error("undefined group option '" + f + "'");
        }
      }
      String s = on.toString();
      if (off.length() > 0) {
        s += "-" + off;
      }
      // Java needs at least one flag letter: a no-op switch keeps UNICODE_CASE as it is.
      return s.isEmpty() ? "u" : s;
    }

    /** One atom; returns whether a quantifier may follow it. */
    private boolean atom() {
      int c = peek();
      switch (c) {
        case '(':
          return group();
        case '[':
          out.append(charClass());
          return true;
        case '.':
          pos++;
          out.append('.');
          return true;
        case '^':
          pos++;
          out.append('^');
          return false;
        case '$':
          pos++;
          out.append('$');
          return false;
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
          throw error("target of repeat operator is not specified");
        case '{':
          if (interval(pos) != null) {
            throw error("target of repeat operator is not specified");
          }
          pos++;
          out.append("\\{");
          return true;
        default:
          pos += Character.charCount(c);
          appendLiteral(out, c);
          return true;
      }
    }

    private boolean group() {
      if (lookingAt("(?#")) {
        int close = src.indexOf(')', pos);
        if (close < 0) {
          throw error("end pattern in group");
        }
        pos = close + 1;
        return false;
      }
      boolean quantifiable = true;
      boolean savedExtended = extended;
      if (lookingAt("(?:") || lookingAt("(?=") || lookingAt("(?!") || lookingAt("(?>")) {
        out.append(src, pos, pos + 3);
        quantifiable = !(lookingAt("(?=") || lookingAt("(?!"));
        pos += 3;
      } else if (lookingAt("(?<=") || lookingAt("(?<!")) {
        out.append(src, pos, pos + 4);
        pos += 4;
        quantifiable = false;
      } else if (lookingAt("(?<") || lookingAt("(?'")) {
        char close = src.charAt(pos + 2) == '<' ? '>' : '\'';
        int end = src.indexOf(close, pos + 3);
        if (end < 0) {
          throw error("invalid group name");
        }
        String name = src.substring(pos + 3, end);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
          throw error("invalid group name <" + name + ">");
        }
        String javaName = "onig" + groupNames.size() + "x" + name.replaceAll("[^A-Za-z0-9]", "");
        groupNames.put(name, javaName);
        groupCount++;
        out.append("(?<").append(javaName).append('>');
        pos = end + 1;
      } else if (lookingAt("(?")) {
        int p = pos + 2;
        while (p < src.length() && "imsxWDSPyaIL-".indexOf(src.charAt(p)) >= 0) {
          p++;
        }
        if (p < src.length() && src.charAt(p) == ':' && p > pos + 2) {
          String flags = javaFlags(src.substring(pos + 2, p));
          out.append("(?").append(flags).append(':');
          pos = p + 1;
        } else {
          throw error("unsupported group construct '" + src.substring(pos, Math.min(p + 1, src.length())) + "'");
        }
      } else {
        pos++;
        groupCount++;
        out.append('(');
      }
      alternation();
      if (!more() || peek() != ')') {
        throw error("end pattern with unmatched parenthesis");
      }
      pos++;
      out.append(')');
      extended = savedExtended;
      return quantifiable;
    }

    /** {@code {n}}, {@code {n,}}, {@code {n,m}} or {@code {,m}} at {@code p}: [min, max, length], max -1 for none. */
    private int[] interval(int p) {
      int i = p + 1;
      int min = -1;
      int max;
      int start = i;
      while (i < src.length() && Character.isDigit(src.charAt(i)) && src.charAt(i) < 128) {
        i++;
      }
      if (i > start) {
        min = parse(src.substring(start, i));
      }
      if (i < src.length() && src.charAt(i) == '}') {
        if (min < 0) {
          return null;
        }
        return new int[] {min, min, i + 1 - p};
      }
      if (i >= src.length() || src.charAt(i) != ',') {
        return null;
      }
      i++;
      int start2 = i;
      while (i < src.length() && Character.isDigit(src.charAt(i)) && src.charAt(i) < 128) {
        i++;
      }
      max = i > start2 ? parse(src.substring(start2, i)) : -1;
      if (i >= src.length() || src.charAt(i) != '}') {
        return null;
      }
      if (min < 0 && max < 0) {
        return null;
      }
      return new int[] {Math.max(min, 0), max, i + 1 - p};
    }

    private int parse(String digits) {
      try {
        int v = Integer.parseInt(digits);
        if (v > 100000) {
          throw error("too big number for repeat range");
        }
        return v;
      } catch (NumberFormatException e) {
        throw error("too big number for repeat range");
      }
    }

    private void quantifiers(int atomStart, boolean quantifiable) {
      boolean quantified = false;
      while (true) {
        skipExtended();
        if (!more()) {
          return;
        }
        int c = peek();
        String q;
        boolean interval = false;
        if (c == '*' || c == '+' || c == '?') {
          q = String.valueOf((char) c);
          pos++;
        } else if (c == '{') {
          int[] iv = interval(pos);
          if (iv == null) {
            return;
          }
          int min = iv[0];
          int max = iv[1];
          if (max >= 0 && max < min) {
            int t = min;
            min = max;
            max = t;
          }
          q = "{" + min + (max == min ? "" : "," + (max < 0 ? "" : String.valueOf(max))) + "}";
          pos += iv[2];
          interval = true;
        } else {
          return;
        }
        if (!quantifiable) {
          throw error("target of repeat operator is invalid");
        }
        if (quantified) {
          out.insert(atomStart, "(?:");
          out.append(')');
        }
        out.append(q);
        // A lazy '?' follows any quantifier; a possessive '+' only the simple ones (in
        // Oniguruma's syntax an interval followed by '+' is a repetition of the interval).
        if (more() && peek() == '?') {
          pos++;
          out.append('?');
        } else if (more() && peek() == '+' && !interval) {
          pos++;
          out.append('+');
        }
        quantified = true;
      }
    }

    private boolean escape() {
      if (pos + 1 >= src.length()) {
        throw error("end pattern at escape");
      }
      int c = src.codePointAt(pos + 1);
      pos += 1 + Character.charCount(c);
      switch (c) {
        case 'd':
          out.append('[').append(DIGIT_BODY).append(']');
          return true;
        case 'D':
          out.append("[^").append(DIGIT_BODY).append(']');
          return true;
        case 's':
          out.append('[').append(SPACE_BODY).append(']');
          return true;
        case 'S':
          out.append("[^").append(SPACE_BODY).append(']');
          return true;
        case 'w':
          out.append('[').append(WORD_BODY).append(']');
          return true;
        case 'W':
          out.append("[^").append(WORD_BODY).append(']');
          return true;
        case 'h':
          out.append('[').append(HEX_BODY).append(']');
          return true;
        case 'H':
          out.append("[^").append(HEX_BODY).append(']');
          return true;
        case 'p':
        case 'P':
          out.append('[').append(property(c == 'P')).append(']');
          return true;
        case 'b':
          out.append("(?:(?<=[").append(WORD_BODY).append("])(?![").append(WORD_BODY)
              .append("])|(?<![").append(WORD_BODY).append("])(?=[").append(WORD_BODY)
              .append("]))");
          return false;
        case 'B':
          out.append("(?:(?<=[").append(WORD_BODY).append("])(?=[").append(WORD_BODY)
              .append("])|(?<![").append(WORD_BODY).append("])(?![").append(WORD_BODY)
              .append("]))");
          return false;
        case 'A':
        case 'z':
        case 'Z':
        case 'G':
          out.append('\\').appendCodePoint(c);
          return false;
        case 'R':
          out.append("(?>\\r\\n|[\\n\\x0B\\f\\r\\x{85}\\x{2028}\\x{2029}])");
          return true;
        case 'N':
          out.append("[^\\n]");
          return true;
        case 'O':
          out.append("(?s:.)");
          return true;
        case 'X':
          out.append("\\X");
          return true;
        case 'k':
          return backReferenceByName();
        default:
          if (c >= '1' && c <= '9') {
            int start = pos - 1;
            while (more() && peek() >= '0' && peek() <= '9') {
              pos++;
            }
            String digits = src.substring(start, pos);
            int n = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (n > groupCount) {
              // \nnn that names no group is an octal character code (up to three digits).
              int octalEnd = start;
              while (octalEnd < src.length() && octalEnd - start < 3
                  && src.charAt(octalEnd) >= '0' && src.charAt(octalEnd) <= '7') {
                octalEnd++;
              }
              if (n <= 9 || octalEnd - start < 2) {
                throw error("invalid backref number/name");
              }
              pos = octalEnd;
              appendLiteral(out, Integer.parseInt(src.substring(start, octalEnd), 8));
              return true;
            }
            out.append("(?:\\").append(n).append(')');
            return true;
          }
          pos -= 1 + Character.charCount(c);
          appendLiteral(out, singleCharEscape());
          return true;
      }
    }

    private boolean backReferenceByName() {
      if (!more() || (peek() != '<' && peek() != '\'')) {
        throw error("invalid backref");
      }
      char close = peek() == '<' ? '>' : '\'';
      int end = src.indexOf(close, pos + 1);
      if (end < 0) {
        throw error("invalid backref");
      }
      String name = src.substring(pos + 1, end);
      pos = end + 1;
      String javaName = groupNames.get(name);
      if (javaName == null) {
        throw error("undefined name <" + name + "> reference");
      }
      out.append("\\k<").append(javaName).append('>');
      return true;
    }

    /**
     * At a backslash that stands for one character ({@code \t}, {@code \x41}, {@code \.}, ...):
     * consumes it and returns the code point.
     */
    private int singleCharEscape() {
      pos++; // the backslash
      if (!more()) {
        throw error("end pattern at escape");
      }
      int c = peek();
      pos += Character.charCount(c);
      switch (c) {
        case 't':
          return '\t';
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 'f':
          return '\f';
        case 'v':
          return 0x0B;
        case 'a':
          return 0x07;
        case 'e':
          return 0x1B;
        case 'x':
          if (more() && peek() == '{') {
            int close = src.indexOf('}', pos);
            if (close < 0) {
              throw error("invalid code point value");
            }
            int v = hex(src.substring(pos + 1, close).trim(), 8);
            pos = close + 1;
            return checkCodePoint(v);
          } else {
            int start = pos;
            while (more() && pos - start < 2 && Character.digit(peek(), 16) >= 0 && peek() < 128) {
              pos++;
            }
            return pos == start ? 0 : hex(src.substring(start, pos), 2);
          }
        case 'u': {
          if (pos + 4 > src.length()) {
            throw error("too short digits for \\u");
          }
          int v = hex(src.substring(pos, pos + 4), 4);
          pos += 4;
          return checkCodePoint(v);
        }
        case 'c': {
          if (!more()) {
            throw error("end pattern at control");
          }
          int x = peek();
          pos += Character.charCount(x);
          return x & 0x1F;
        }
        case '0': {
          int start = pos;
          while (more() && pos - start < 2 && peek() >= '0' && peek() <= '7') {
            pos++;
          }
          return start == pos ? 0 : Integer.parseInt(src.substring(start, pos), 8);
        }
        default:
          if (c < 128 && Character.isLetterOrDigit(c)) {
            pos -= Character.charCount(c) + 1;
            throw error("unsupported escape '\\" + new String(Character.toChars(c)) + "'");
          }
          return c;
      }
    }

    private int hex(String digits, int maxLen) {
      if (digits.isEmpty() || digits.length() > maxLen) {
        throw error("invalid code point value");
      }
      try {
        return Integer.parseInt(digits, 16);
      } catch (NumberFormatException e) {
        throw error("invalid code point value");
      }
    }

    private int checkCodePoint(int v) {
      if (v < 0 || v > Character.MAX_CODE_POINT) {
        throw error("invalid code point value");
      }
      return v;
    }

    /** After {@code \p} or {@code \P}: a Java class body for the property. */
    private String property(boolean negated) {
      if (!more() || peek() != '{') {
        throw error("invalid character property name");
      }
      int close = src.indexOf('}', pos);
      if (close < 0) {
        throw error("invalid character property name");
      }
      String name = src.substring(pos + 1, close);
      pos = close + 1;
      if (name.startsWith("^")) {
        negated = !negated;
        name = name.substring(1);
      }
      String body = Properties.body(name);
      if (body == null) {
        throw error("invalid character property name {" + name + "}");
      }
      return negated ? "[^" + body + "]" : body;
    }

    /** A bracket expression, returned as a Java class. */
    private String charClass() {
      pos++; // '['
      StringBuilder cls = new StringBuilder("[");
      if (more() && peek() == '^') {
        pos++;
        cls.append('^');
      }
      boolean first = true;
      boolean any = false;
      while (true) {
        if (!more()) {
          throw error("premature end of char-class");
        }
        int c = peek();
        if (c == ']' && !first) {
          pos++;
          break;
        }
        if (c == ']' && first) {
          // "[]" is an empty class error in Oniguruma; "[]a]" takes ']' literally with a warning.
          if (src.indexOf(']', pos + 1) < 0) {
            throw error("empty char-class");
          }
        }
        first = false;
        if (lookingAt("&&")) {
          pos += 2;
          cls.append("&&");
          continue;
        }
        if (lookingAt("[:") && posixBracketEnd() > 0) {
          cls.append(posixBracket());
          any = true;
          continue;
        }
        if (c == '[') {
          cls.append(charClass());
          any = true;
          continue;
        }
        if (c == '\\' && pos + 1 < src.length()) {
          int e = src.codePointAt(pos + 1);
          String body = classEscape(e);
          if (body != null) {
            cls.append(body);
            any = true;
            continue;
          }
        }
        int lo = classChar();
        if (more() && peek() == '-' && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
          int save = pos;
          pos++;
          if (peek() == '[' || (peek() == '\\' && pos + 1 < src.length()
              && classEscapeKind(src.codePointAt(pos + 1)))) {
            // "a-\w": '-' is literal.
            pos = save;
            appendClassLiteral(cls, lo);
          } else {
            int hi = classChar();
            if (hi < lo) {
              throw error("empty range in char class");
            }
            appendClassLiteral(cls, lo);
            cls.append('-');
            appendClassLiteral(cls, hi);
          }
        } else {
          appendClassLiteral(cls, lo);
        }
        any = true;
      }
      if (!any) {
        throw error("empty char-class");
      }
      cls.append(']');
      return cls.toString();
    }

    private boolean classEscapeKind(int e) {
      return "dDsSwWhHpP".indexOf(e) >= 0;
    }

    /** A class body for {@code \d}, {@code \p{..}}, ... inside brackets; null for a char escape. */
    private String classEscape(int e) {
      switch (e) {
        case 'd':
          pos += 2;
          return DIGIT_BODY;
        case 'D':
          pos += 2;
          return "[^" + DIGIT_BODY + "]";
        case 's':
          pos += 2;
          return SPACE_BODY;
        case 'S':
          pos += 2;
          return "[^" + SPACE_BODY + "]";
        case 'w':
          pos += 2;
          return WORD_BODY;
        case 'W':
          pos += 2;
          return "[^" + WORD_BODY + "]";
        case 'h':
          pos += 2;
          return HEX_BODY;
        case 'H':
          pos += 2;
          return "[^" + HEX_BODY + "]";
        case 'p':
        case 'P': {
          pos += 2;
          String body = property(e == 'P');
          return body.startsWith("[") ? body : "[" + body + "]";
        }
        case 'R':
        case 'X':
        case 'N':
        case 'O':
        case 'k':
        case 'A':
        case 'z':
        case 'Z':
        case 'G':
          throw error("invalid escape '\\" + (char) e + "' in char class");
        default:
          return null;
      }
    }

    /** One character inside brackets (a literal or an escape standing for one character). */
    private int classChar() {
      int c = peek();
      if (c == '\\') {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == 'b') {
          pos += 2;
          return 0x08;
        }
        return singleCharEscape();
      }
      pos += Character.charCount(c);
      return c;
    }

    private int posixBracketEnd() {
      int end = src.indexOf(":]", pos + 2);
      if (end < 0) {
        return -1;
      }
      String name = src.substring(pos + 2, end);
      return name.matches("\\^?[a-z]+") ? end : -1;
    }

    private String posixBracket() {
      int end = posixBracketEnd();
      String name = src.substring(pos + 2, end);
      pos = end + 2;
      boolean negated = name.startsWith("^");
      if (negated) {
        name = name.substring(1);
      }
      String body = Properties.posix(name);
      if (body == null) {
        throw error("invalid POSIX bracket type [:" + name + ":]");
      }
      return negated ? "[^" + body + "]" : "[" + body + "]";
    }

    private static void appendClassLiteral(StringBuilder sb, int cp) {
      appendLiteral(sb, cp);
    }

    /** Appends {@code cp} so that Java reads it as that literal character anywhere. */
    static void appendLiteral(StringBuilder sb, int cp) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
        sb.append((char) cp);
      } else if (cp >= 0x20 && cp < 0x7F) {
        sb.append('\\').append((char) cp);
      } else {
        sb.append("\\x{").append(Integer.toHexString(cp)).append('}');
      }
    }
  }

  /** Oniguruma property and POSIX bracket names, as Java class bodies. */
  static final class Properties {
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
      String[][] categories = {
        {"L", "letter"}, {"Lu", "uppercaseletter"}, {"Ll", "lowercaseletter"},
        {"Lt", "titlecaseletter"}, {"Lm", "modifierletter"}, {"Lo", "otherletter"},
        {"M", "mark", "combiningmark"}, {"Mn", "nonspacingmark"}, {"Mc", "spacingmark"},
        {"Me", "enclosingmark"}, {"N", "number"}, {"Nd", "decimalnumber"},
        {"Nl", "letternumber"}, {"No", "othernumber"}, {"P", "punctuation"},
        {"Pc", "connectorpunctuation"}, {"Pd", "dashpunctuation"}, {"Ps", "openpunctuation"},
        {"Pe", "closepunctuation"}, {"Pi", "initialpunctuation"}, {"Pf", "finalpunctuation"},
        {"Po", "otherpunctuation"}, {"S", "symbol"}, {"Sm", "mathsymbol"},
        {"Sc", "currencysymbol"}, {"Sk", "modifiersymbol"}, {"So", "othersymbol"},
        {"Z", "separator"}, {"Zs", "spaceseparator"}, {"Zl", "lineseparator"},
        {"Zp", "paragraphseparator"}, {"C", "other"}, {"Cc", "control"}, {"Cf", "format"},
        {"Cs", "surrogate"}, {"Co", "privateuse"}, {"Cn", "unassigned"},
      };
      for (String[] c : categories) {
        for (String alias : c) {
          NAMES.put(normalize(alias), "\\p{" + c[0] + "}");
        }
      }
      NAMES.put("lc", "\\p{Lu}\\p{Ll}\\p{Lt}");
      NAMES.put("casedletter", "\\p{Lu}\\p{Ll}\\p{Lt}");
      NAMES.put("any", "\\x{0}-\\x{10FFFF}");
      NAMES.put("assigned", "\\P{Cn}");
      NAMES.put("ascii", "\\x{0}-\\x{7F}");
      NAMES.put("alphabetic", "\\p{IsAlphabetic}");
      NAMES.put("lowercase", "\\p{IsLowercase}");
      NAMES.put("uppercase", "\\p{IsUppercase}");
      NAMES.put("whitespace", SPACE_BODY);
      NAMES.put("ideographic", "\\p{IsIdeographic}");
      NAMES.put("joincontrol", "\\p{IsJoin_Control}");
      NAMES.put("noncharactercodepoint", "\\p{IsNoncharacter_Code_Point}");
      for (String posix :
          new String[] {
            "alpha", "alnum", "word", "space", "digit", "xdigit", "upper", "lower", "cntrl",
            "graph", "print", "blank"
          }) {
        NAMES.put(posix, posix(posix));
      }
      // \p{Punct} is punctuation only, unlike [[:punct:]] which has the symbols too.
      NAMES.put("punct", "\\p{P}");
    }

    private Properties() {}

    private static String normalize(String name) {
      return name.replace("_", "").replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Body for {@code \p{name}}, or null if unknown. */
    static String body(String name) {
      String key = normalize(name);
      String body = NAMES.get(key);
      if (body != null) {
        return body;
      }
      try {
        Character.UnicodeScript script = Character.UnicodeScript.forName(name);
        return "\\p{sc=" + script.name() + "}";
      } catch (IllegalArgumentException e) {
        // not a script; maybe a block
      }
      if (key.startsWith("in") && key.length() > 2) {
        String block = name.substring(name.charAt(2) == '_' ? 3 : 2);
        try {
          Character.UnicodeBlock.forName(block);
          return "\\p{In" + block + "}";
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
      return null;
    }

    /** Body for the POSIX bracket {@code [:name:]} (Unicode semantics), or null if unknown. */
    static String posix(String name) {
      switch (name) {
        case "alpha":
          return "\\p{IsAlphabetic}";
        case "alnum":
          return "\\p{IsAlphabetic}\\p{Nd}";
        case "word":
          return WORD_BODY;
        case "space":
          return SPACE_BODY;
        case "punct":
          return "\\p{P}\\p{S}";
        case "digit":
          return DIGIT_BODY;
        case "xdigit":
          return HEX_BODY;
        case "upper":
          return "\\p{IsUppercase}";
        case "lower":
          return "\\p{IsLowercase}";
        case "cntrl":
          return "\\p{Cc}";
        case "blank":
          return "\\p{Zs}\\t";
        case "graph":
          return "[^" + SPACE_BODY + "\\p{Cc}\\p{Cn}\\p{Cs}]";
        case "print":
          return "[^" + SPACE_BODY + "\\p{Cc}\\p{Cn}\\p{Cs}]\\p{Zs}";
        default:
          return null;
      }
    }
  }
}
