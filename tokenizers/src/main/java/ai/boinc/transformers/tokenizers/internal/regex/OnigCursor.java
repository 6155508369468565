package ai.boinc.transformers.tokenizers.internal.regex;

import java.util.regex.PatternSyntaxException;

/**
 * Reading Oniguruma pattern source: the position, single-character escapes and property names,
 * shared by {@link OnigTranslator} and {@link OnigCharClass}. One per translation; not
 * thread-safe.
 */
abstract class OnigCursor {
  final String src;
  int pos;

  OnigCursor(String src, int pos) {
    this.src = src;
    this.pos = pos;
  }

  PatternSyntaxException error(String what) {
    return new PatternSyntaxException(what, src, pos);
  }

  boolean more() {
    return pos < src.length();
  }

  int peek() {
    return src.codePointAt(pos);
  }

  boolean lookingAt(String s) {
    return src.startsWith(s, pos);
  }

  /**
   * At a backslash that stands for one character ({@code \t}, {@code \x41}, {@code \.}, ...):
   * consumes it and returns the code point.
   */
  int singleCharEscape() {
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

  int hex(String digits, int maxLen) {
    if (digits.isEmpty() || digits.length() > maxLen) {
      throw error("invalid code point value");
    }
    try {
      return Integer.parseInt(digits, 16);
    } catch (NumberFormatException e) {
      throw error("invalid code point value");
    }
  }

  int checkCodePoint(int v) {
    if (v < 0 || v > Character.MAX_CODE_POINT) {
      throw error("invalid code point value");
    }
    return v;
  }

  /** After {@code \p} or {@code \P}: a Java class body for the property. */
  String property(boolean negated) {
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
    String body = OnigProperties.body(name);
    if (body == null) {
      throw error("invalid character property name {" + name + "}");
    }
    return negated ? "[^" + body + "]" : body;
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
