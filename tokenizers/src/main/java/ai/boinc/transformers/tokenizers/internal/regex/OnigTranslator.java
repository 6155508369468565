package ai.boinc.transformers.tokenizers.internal.regex;

import java.util.HashMap;
import java.util.Map;

/**
 * Recursive-descent translator from Oniguruma syntax to Java syntax: alternatives, groups and
 * option switches, quantifiers and escapes; bracket expressions go to {@link OnigCharClass}.
 */
final class OnigTranslator extends OnigCursor {
  private final StringBuilder out = new StringBuilder();
  private boolean extended;
  private int groupCount;
  private final Map<String, String> groupNames = new HashMap<>();

  OnigTranslator(String src) {
    super(src, 0);
  }

  String translate() {
    alternation();
    if (pos < src.length()) {
      throw error("unmatched close parenthesis");
    }
    return out.toString();
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
        out.append(OnigCharClass.translate(this));
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
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
      case 'h':
      case 'H':
        out.append(Character.isUpperCase(c) ? "[^" : "[").append(OnigProperties.shorthandBody(c)).append(']');
        return true;
      case 'p':
      case 'P':
        out.append('[').append(property(c == 'P')).append(']');
        return true;
      case 'b':
        out.append("(?:(?<=[").append(OnigProperties.WORD_BODY).append("])(?![").append(OnigProperties.WORD_BODY)
            .append("])|(?<![").append(OnigProperties.WORD_BODY).append("])(?=[").append(OnigProperties.WORD_BODY)
            .append("]))");
        return false;
      case 'B':
        out.append("(?:(?<=[").append(OnigProperties.WORD_BODY).append("])(?=[").append(OnigProperties.WORD_BODY)
            .append("])|(?<![").append(OnigProperties.WORD_BODY).append("])(?![").append(OnigProperties.WORD_BODY)
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
}
