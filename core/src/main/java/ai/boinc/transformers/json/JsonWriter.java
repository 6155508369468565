package ai.boinc.transformers.json;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes JSON, compactly: the types {@link JsonReader} reads (any {@code Collection} as an array,
 * any finite {@code Number}, map keys by {@code String.valueOf}), so that {@code
 * JsonReader.parse(write(x))} equals {@code x} for every value the reader can return; and single
 * strings, for callers that write the structure themselves. Thread-safe: everything is static.
 */
public final class JsonWriter {
  /** The most containers (objects and arrays) nested in one another that are written. */
  public static final int MAX_DEPTH = 64;

  private static final Pattern NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /**
   * Writes {@code value} as compact JSON.
   *
   * @throws JsonException if {@code value} holds something other than maps, collections, strings,
   *     finite numbers, booleans and nulls, or nests containers deeper than {@value #MAX_DEPTH}
   *     (which a map or collection that contains itself does)
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  /**
   * Appends {@code text} as a JSON string: quotes, backslashes and control characters escaped
   * (short forms where JSON has them), a lone surrogate as a {@code \}{@code u} escape so that the
   * text survives encoding to UTF-8; everything else as is.
   */
  public static StringBuilder writeString(String text, StringBuilder out) {
    return quote(text, out, false);
  }

  /**
   * {@link #writeString}, also escaping what would be invisible or break a line in a text file:
   * control, format, separator (other than U+0020), private-use, noncharacter and surrogate code
   * points, each UTF-16 unit as a {@code \}{@code u} escape with lower-case hex (the style of the
   * golden files, so that output can be diffed with them byte for byte).
   */
  public static StringBuilder writeVisibleString(String text, StringBuilder out) {
    return quote(text, out, true);
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      quote((String) value, out, false);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Number) {
      String number = value.toString();
      if (!NUMBER.matcher(number).matches()) {
        throw new JsonException(
            "cannot write a " + value.getClass().getName() + " as JSON: not a finite number", -1);
      }
      out.append(number);
    } else if (value instanceof Map) {
      enter(depth);
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(String.valueOf(entry.getKey()), out, false);
        out.append(':');
        write(entry.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (value instanceof Collection) {
      enter(depth);
      out.append('[');
      boolean first = true;
      for (Object item : (Collection<?>) value) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out, depth + 1);
      }
      out.append(']');
    } else {
      throw new JsonException("cannot write a " + value.getClass().getName() + " as JSON", -1);
    }
  }

  private static void enter(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new JsonException(
          "cannot write JSON nested deeper than " + MAX_DEPTH + " (does a value contain itself?)", -1);
    }
  }

  private static StringBuilder quote(String text, StringBuilder out, boolean visible) {
    out.append('"');
    int n = text.length();
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      String shortForm = shortForm(c);
      if (shortForm != null) {
        out.append(shortForm);
        i++;
        continue;
      }
      int codePoint = text.codePointAt(i);
      int units = Character.charCount(codePoint);
      boolean escape =
          c < 0x20
              || (units == 1 && Character.isSurrogate(c))
              || (visible && invisible(codePoint));
      if (escape) {
        for (int k = 0; k < units; k++) {
          char u = text.charAt(i + k);
          out.append("\\u").append(HEX[u >> 12]).append(HEX[(u >> 8) & 15])
              .append(HEX[(u >> 4) & 15]).append(HEX[u & 15]);
        }
      } else {
        out.append(text, i, i + units);
      }
      i += units;
    }
    return out.append('"');
  }

  private static String shortForm(char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return null;
    }
  }

  private static boolean invisible(int codePoint) {
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
