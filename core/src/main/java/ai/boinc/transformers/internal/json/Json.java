package ai.boinc.transformers.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A small strict JSON (RFC 8259) reader and writer, so that core needs no JSON library. Not API.
 *
 * <p>{@link #parse} reads objects as {@code Map<String, Object>} keeping the keys' order (a
 * repeated key keeps its first place and its last value), arrays as {@code List<Object>}, strings
 * as {@code String}, {@code true}/{@code false} as {@code Boolean}, {@code null} as {@code null},
 * integers that fit as {@code Long} and every other number exactly as {@code BigDecimal}. It
 * rejects anything else: text after the value, unknown escapes, control characters in strings,
 * numbers outside the JSON grammar (such as {@code 01}, {@code 1.} or {@code +1}), containers
 * nested deeper than {@value #MAX_DEPTH}, and text longer than {@value #MAX_LENGTH} chars. Escaped
 * lone surrogates ({@code "\ud800"}) are kept as they are.
 *
 * <p>{@link #write} writes the same types back (any {@code Collection} as an array, any finite
 * {@code Number}, map keys by {@code String.valueOf}), compactly, so that {@code parse(write(x))}
 * equals {@code x} for every value {@code parse} can return. Thread-safe: everything is static.
 */
public final class Json {
  /** The most containers (objects and arrays) nested in one another that are read or written. */
  public static final int MAX_DEPTH = 64;
  /** The longest text, in chars, that {@link #parse} reads. */
  public static final int MAX_LENGTH = 64 * 1024 * 1024;
  /** The longest number literal, in chars; longer ones are no one's data and slow to convert. */
  static final int MAX_NUMBER_LENGTH = 1000;

  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Reads one JSON value, surrounded by nothing but JSON whitespace.
   *
   * @throws JsonException if {@code text} is not exactly one JSON value within the limits
   */
  public static Object parse(String text) {
    return parse(text, MAX_LENGTH);
  }

  static Object parse(String text, int maxLength) {
    Objects.requireNonNull(text, "text");
    if (text.length() > maxLength) {
      throw new JsonException("malformed JSON: longer than " + maxLength + " characters", 0);
    }
    Reader reader = new Reader(text);
    reader.skipSpace();
    Object value = reader.value(0);
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

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

  private static void write(Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      quote((String) value, out);
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
        quote(String.valueOf(entry.getKey()), out);
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
      throw new JsonException("cannot write JSON nested deeper than " + MAX_DEPTH + " (does a value contain itself?)", -1);
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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
          if (c < 0x20 || isLoneSurrogate(text, i)) {
            // A lone surrogate is escaped so that the text survives encoding to UTF-8.
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                .append(HEX[c & 15]);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }

  /** One parse: a position in the text. Not thread-safe. */
  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    Object value(int depth) {
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{':
          return object(depth + 1);
        case '[':
          return array(depth + 1);
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || isDigit(c)) {
            return number();
          }
          throw error("expected a value");
      }
    }

    private Map<String, Object> object(int depth) {
      checkDepth(depth);
      Map<String, Object> out = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == '}') {
        pos++;
        return out;
      }
      while (true) {
        if (pos >= text.length() || text.charAt(pos) != '"') {
          throw error(pos >= text.length() ? "unexpected end" : "expected a key");
        }
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        out.put(key, value(depth));
        skipSpace();
        char c = next();
        if (c == '}') {
          return out;
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}'");
        }
        skipSpace();
      }
    }

    private List<Object> array(int depth) {
      checkDepth(depth);
      List<Object> out = new ArrayList<>();
      pos++;
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == ']') {
        pos++;
        return out;
      }
      while (true) {
        out.add(value(depth));
        skipSpace();
        char c = next();
        if (c == ']') {
          return out;
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']'");
        }
        skipSpace();
      }
    }

    private void checkDepth(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH);
      }
    }

    private String string() {
      pos++; // the opening quote
      int start = pos;
      StringBuilder out = null;
      while (true) {
        if (pos >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(pos);
        if (c == '"') {
          String value = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
          pos++;
          return value;
        }
        if (c < 0x20) {
          throw error("control character in a string");
        }
        if (c != '\\') {
          pos++;
          continue;
        }
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos);
        pos++;
        if (pos >= text.length()) {
          throw error("unterminated string");
        }
        char e = text.charAt(pos);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out.append(e);
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            out.append(unicodeEscape());
            break;
          default:
            pos--;
            throw error("bad escape");
        }
        pos++;
        start = pos;
      }
    }

    /** The four hex digits after {@code \\u} (pos on the u; left on the last digit). */
    private char unicodeEscape() {
      int code = 0;
      for (int i = 1; i <= 4; i++) {
        int digit = pos + i < text.length() ? hexValue(text.charAt(pos + i)) : -1;
        if (digit < 0) {
          pos--;
          throw error("bad \\u escape");
        }
        code = code << 4 | digit;
      }
      pos += 4;
      return (char) code;
    }

    private Object number() {
      int start = pos;
      boolean integral = true;
      if (text.charAt(pos) == '-') {
        pos++;
      }
      if (pos < text.length() && text.charAt(pos) == '0') {
        pos++;
      } else if (!digits()) {
        throw error("bad number");
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        integral = false;
        if (!digits()) {
          throw error("bad number");
        }
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        integral = false;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (!digits()) {
          throw error("bad number");
        }
      }
      if (pos - start > MAX_NUMBER_LENGTH) {
        pos = start;
        throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
      }
      String literal = text.substring(start, pos);
      if (integral && literal.length() <= 20) {
        try {
          return Long.parseLong(literal);
        } catch (NumberFormatException tooLarge) {
          // exact below
        }
      }
      try {
        return new BigDecimal(literal);
      } catch (NumberFormatException | ArithmeticException e) {
        pos = start;
        throw error("number out of range");
      }
    }

    /** Skips a run of digits; false when there is none. */
    private boolean digits() {
      int start = pos;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      return pos > start;
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        throw error("expected a value");
      }
      pos += word.length();
      return value;
    }

    void skipSpace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    private char next() {
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(pos++);
    }

    private void expect(char c) {
      if (next() != c) {
        pos--;
        throw error("expected '" + c + "'");
      }
    }

    /** Names the offset and the fault, never the input there: it may be a secret. */
    JsonException error(String what) {
      return new JsonException("malformed JSON at offset " + pos + ": " + what, pos);
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
      if (c >= '0' && c <= '9') {
        return c - '0';
      }
      if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
      }
      if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
      }
      return -1;
    }
  }
}
