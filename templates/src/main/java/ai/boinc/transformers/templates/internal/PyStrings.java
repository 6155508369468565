package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.List;

/** Python's string semantics on Java strings: code points, whitespace set, strip, split, title, repr. */
final class PyStrings {
  private PyStrings() {}

  /** Python's {@code str.isspace()} for one character (also what regex {@code \s} matches). */
  static boolean isSpace(int c) {
    if (c <= 0x20) {
      return c == 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    }
    if (c < 0x85) {
      return false;
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  private static boolean stripped(int c, String chars) {
    return chars == null ? isSpace(c) : chars.indexOf(c) >= 0 || (c > 0xffff && chars.contains(new String(Character.toChars(c))));
  }

  static String strip(String s, String chars) {
    return rstrip(lstrip(s, chars), chars);
  }

  static String lstrip(String s, String chars) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!stripped(c, chars)) {
        break;
      }
      i += Character.charCount(c);
    }
    return s.substring(i);
  }

  static String rstrip(String s, String chars) {
    int i = s.length();
    while (i > 0) {
      int c = s.codePointBefore(i);
      if (!stripped(c, chars)) {
        break;
      }
      i -= Character.charCount(c);
    }
    return s.substring(0, i);
  }

  static boolean hasSurrogates(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static int codePointLength(String s) {
    return hasSurrogates(s) ? s.codePointCount(0, s.length()) : s.length();
  }

  /** The characters (code points) of a string, each a string. */
  static List<Object> characters(String s) {
    List<Object> out = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      out.add(s.substring(i, i + n));
      i += n;
    }
    return out;
  }

  /** Code point order, as Python compares strings (UTF-16 order differs above U+D7FF). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** {@code str.split(sep, maxsplit)}; a null separator splits on whitespace runs. */
  static List<Object> split(String s, String sep, long maxsplit) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && isSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          break;
        }
        if (maxsplit >= 0 && out.size() >= maxsplit) {
          out.add(rstrip(s.substring(i), null));
          break;
        }
        int start = i;
        while (i < n && !isSpace(s.charAt(i))) {
          i++;
        }
        out.add(s.substring(start, i));
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw PyError.valueError("empty separator");
    }
    int start = 0;
    while (maxsplit < 0 || out.size() < maxsplit) {
      int at = s.indexOf(sep, start);
      if (at < 0) {
        break;
      }
      out.add(s.substring(start, at));
      start = at + sep.length();
    }
    out.add(s.substring(start));
    return out;
  }

  static List<Object> rsplit(String s, String sep, long maxsplit) {
    if (maxsplit < 0) {
      return split(s, sep, -1);
    }
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = s.length();
      while (true) {
        while (i > 0 && isSpace(s.charAt(i - 1))) {
          i--;
        }
        if (i <= 0) {
          break;
        }
        if (out.size() >= maxsplit) {
          out.add(0, lstrip(s.substring(0, i), null));
          break;
        }
        int end = i;
        while (i > 0 && !isSpace(s.charAt(i - 1))) {
          i--;
        }
        out.add(0, s.substring(i, end));
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw PyError.valueError("empty separator");
    }
    int end = s.length();
    while (out.size() < maxsplit) {
      int at = s.lastIndexOf(sep, end - sep.length());
      if (at < 0) {
        break;
      }
      out.add(0, s.substring(at + sep.length(), end));
      end = at;
    }
    out.add(0, s.substring(0, end));
    return out;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028
        || c == 0x2029;
  }

  static List<Object> splitlines(String s, boolean keepends) {
    List<Object> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        int end = i + 1;
        if (c == '\r' && end < s.length() && s.charAt(end) == '\n') {
          end++;
        }
        out.add(s.substring(start, keepends ? end : i));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static boolean isCased(int c) {
    return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
  }

  /** {@code str.title()}: a cased character after an uncased one is title-cased, the others lowered. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (isCased(c)) {
        sb.append(previousCased ? lower(c) : titleCase(c));
        previousCased = true;
      } else {
        sb.appendCodePoint(c);
        previousCased = false;
      }
    }
    return sb.toString();
  }

  private static String lower(int c) {
    return new String(Character.toChars(c)).toLowerCase(java.util.Locale.ROOT);
  }

  private static String titleCase(int c) {
    int t = Character.toTitleCase(c);
    if (t != c || Character.isTitleCase(c)) {
      return new String(Character.toChars(t));
    }
    return new String(Character.toChars(c)).toUpperCase(java.util.Locale.ROOT);
  }

  static String upper(String s) {
    return s.toUpperCase(java.util.Locale.ROOT);
  }

  static String lowerCase(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code str.capitalize()}: first character title-cased, the rest lowered. */
  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int c = s.codePointAt(0);
    return titleCase(c) + lowerCase(s.substring(Character.charCount(c)));
  }

  static String swapcase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      String one = new String(Character.toChars(c));
      if (Character.isUpperCase(c)) {
        sb.append(one.toLowerCase(java.util.Locale.ROOT));
      } else if (Character.isLowerCase(c)) {
        sb.append(one.toUpperCase(java.util.Locale.ROOT));
      } else {
        sb.append(one);
      }
    }
    return sb.toString();
  }

  /** Python's {@code str.isprintable()} for one code point. */
  static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /** Python's {@code repr(str)}: single quotes unless the text has one and no double quote. */
  static void appendRepr(StringBuilder sb, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == quote || c == '\\') {
        sb.append('\\').appendCodePoint(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x7f && c >= 0x20) {
        sb.append((char) c);
      } else if (isPrintable(c)) {
        sb.appendCodePoint(c);
      } else if (c < 0x100) {
        sb.append("\\x").append(hex(c, 2));
      } else if (c < 0x10000) {
        sb.append("\\u").append(hex(c, 4));
      } else {
        sb.append("\\U").append(hex(c, 8));
      }
    }
    sb.append(quote);
  }

  static String hex(int c, int width) {
    String h = Integer.toHexString(c);
    StringBuilder sb = new StringBuilder();
    for (int i = h.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(h).toString();
  }

  /** The Python index of a code point as a UTF-16 offset (strings without surrogates map 1:1). */
  static int offsetOf(String s, int codePointIndex) {
    return s.offsetByCodePoints(0, codePointIndex);
  }

  /** {@code str.find} in code points. */
  static long find(String s, String sub, boolean last) {
    int at = last ? s.lastIndexOf(sub) : s.indexOf(sub);
    if (at < 0) {
      return -1;
    }
    return s.codePointCount(0, at);
  }

  static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return codePointLength(s) + 1;
    }
    long n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  /** {@code str.replace(old, new, count)}; an empty {@code old} inserts between characters. */
  static String replace(String s, String old, String replacement, long count, int maxLength) {
    StringBuilder sb = new StringBuilder();
    long done = 0;
    if (old.isEmpty()) {
      for (int i = 0; i <= s.length(); ) {
        if (count < 0 || done < count) {
          sb.append(replacement);
          done++;
        }
        if (i == s.length()) {
          break;
        }
        int c = s.codePointAt(i);
        sb.appendCodePoint(c);
        i += Character.charCount(c);
        if (sb.length() > maxLength) {
          throw Renderer.stringTooLong(sb.length(), maxLength);
        }
      }
      return sb.toString();
    }
    int start = 0;
    while (count < 0 || done < count) {
      int at = s.indexOf(old, start);
      if (at < 0) {
        break;
      }
      sb.append(s, start, at).append(replacement);
      if (sb.length() > maxLength) {
        throw Renderer.stringTooLong(sb.length(), maxLength);
      }
      start = at + old.length();
      done++;
    }
    if (done == 0) {
      return s;
    }
    sb.append(s, start, s.length());
    return sb.toString();
  }
}
