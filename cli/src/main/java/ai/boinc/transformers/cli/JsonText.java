package ai.boinc.transformers.cli;

/**
 * Writes JSON the way JavaScript's {@code JSON.stringify} does (the reference binding made the
 * golden files with it), so that {@code ba tokenize} output can be diffed with them byte for byte:
 * short escapes where they exist, {@code \u00xx} in lower case for other controls and for lone
 * surrogates, everything else as is.
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
          if (c < 0x20 || isLoneSurrogate(value, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
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

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
