package ai.boinc.transformers.tokenizers.internal.regex;

/**
 * An Oniguruma bracket expression ({@code [a-z\d[:alpha:]&&[^x]]}) translated to a Java
 * character class: Unicode-aware escapes, POSIX brackets, nested classes and intersections.
 */
final class OnigCharClass extends OnigCursor {
  private OnigCharClass(String src, int pos) {
    super(src, pos);
  }

  /** The bracket expression at {@code in}'s position (its '['); moves {@code in} past it. */
  static String translate(OnigCursor in) {
    OnigCharClass c = new OnigCharClass(in.src, in.pos);
    String cls = c.charClass();
    in.pos = c.pos;
    return cls;
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
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
      case 'h':
      case 'H': {
        pos += 2;
        String body = OnigProperties.shorthandBody(e);
        return Character.isUpperCase(e) ? "[^" + body + "]" : body; // upper case negates
      }
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
    String body = OnigProperties.posix(name);
    if (body == null) {
      throw error("invalid POSIX bracket type [:" + name + ":]");
    }
    return negated ? "[^" + body + "]" : "[" + body + "]";
  }

  private static void appendClassLiteral(StringBuilder sb, int cp) {
    appendLiteral(sb, cp);
  }
}
