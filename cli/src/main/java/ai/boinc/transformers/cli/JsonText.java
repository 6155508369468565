package ai.boinc.transformers.cli;

/**
 * Writes JSON strings the way the golden files are written, so that {@code ba tokenize} output
 * can be diffed with them byte for byte: control, format, separator (other than U+0020),
 * private-use, noncharacter and surrogate code points are escaped (short forms where JSON has them,
 * otherwise six-character escapes with lower-case hex, a supplementary one as an escaped
 * surrogate pair), so no line break or invisible character hides inside a line; everything else
 * is written as is.
 */
final class JsonText {
  private final StringBuilder out = new StringBuilder(256);

  JsonText string(String value) {
    if (value == null) {
      out.append("null");
      return this;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          int codePoint = value.codePointAt(i);
          int units = Character.charCount(codePoint);
          if (mustEscape(codePoint)) {
            for (int k = 0; k < units; k++) {
              out.append(String.format("\\u%04x", (int) value.charAt(i + k)));
            }
          } else {
            out.append(value, i, i + units);
          }
          i += units - 1;
      }
    }
    out.append('"');
    return this;
  }

  JsonText raw(String token) {
    out.append(token);
    return this;
  }

  JsonText key(String name) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '{') {
      out.append(',');
    }
    return string(name).raw(":");
  }

  JsonText ints(int[] values) {
    out.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(values[i]);
    }
    out.append(']');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static boolean mustEscape(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
        return true;
      case Character.UNASSIGNED:
        // Only noncharacters: which other code points are unassigned depends on the JDK's
        // Unicode version, and the goldens were written with a newer one than Java 11's.
        return (codePoint & 0xfffe) == 0xfffe || (codePoint >= 0xfdd0 && codePoint <= 0xfdef);
      case Character.SPACE_SEPARATOR:
        return codePoint != ' ';
      default:
        return false;
    }
  }
}
