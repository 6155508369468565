package ai.boinc.transformers.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strict JSON (RFC 8259) reader, straight from UTF-8 bytes (or text) into a tree: objects as
 * {@code Map<String, Object>} keeping the keys' order (a repeated key keeps its first place and
 * its last value), arrays as {@code List<Object>}, strings as {@code String}, {@code true}/{@code
 * false} as {@code Boolean}, {@code null} as {@code null}, integers that fit as {@code Long} and
 * every other number exactly as {@code BigDecimal}.
 *
 * <p>It rejects anything else: text after the value, unknown escapes, control characters in
 * strings, invalid UTF-8, numbers outside the JSON grammar (such as {@code 01}, {@code 1.} or
 * {@code +1}) or longer than {@value #MAX_NUMBER_LENGTH} chars, and input beyond its {@link
 * JsonLimits}. Escaped lone surrogates ({@code "\ud800"}) are kept as they are. Errors are {@link
 * JsonException}s naming the offset, never the input.
 *
 * <p>The static {@code parse} methods are thread-safe. An instance is one read of one input,
 * handed to a {@link JsonHook}, which reads through the small cursor API ({@link #peek}, {@link
 * #readString}, ...); not thread-safe.
 */
public final class JsonReader {
  /** The longest number literal, in chars; longer ones are no one's data and slow to convert. */
  public static final int MAX_NUMBER_LENGTH = 1000;

  private final byte[] b;
  private final int end;
  private final JsonLimits limits;
  /** Whether the bytes came from text, where a lone surrogate is a character like any other. */
  private final boolean fromText;
  private int pos;
  /** Decoded string text (strings with escapes or non-ASCII characters). */
  private char[] buf = new char[256];
  private String[][] hookPaths;
  private JsonHook hook;

  private JsonReader(byte[] bytes, int pos, JsonLimits limits, boolean fromText) {
    this.b = bytes;
    this.end = bytes.length;
    this.pos = pos;
    this.limits = limits;
    this.fromText = fromText;
  }

  /**
   * Reads one JSON value, surrounded by nothing but JSON whitespace, within {@link
   * JsonLimits#DEFAULT}.
   *
   * @throws JsonException if {@code text} is not exactly one JSON value within the limits
   */
  public static Object parse(String text) {
    return parse(text, JsonLimits.DEFAULT);
  }

  /**
   * Reads one JSON value, surrounded by nothing but JSON whitespace.
   *
   * @throws JsonException if {@code text} is not exactly one JSON value within the limits
   */
  public static Object parse(String text, JsonLimits limits) {
    Objects.requireNonNull(text, "text");
    if (text.length() > limits.maxLength()) {
      throw JsonException.malformed(0, "longer than " + limits.maxLength() + " characters", true);
    }
    byte[] bytes = TextBytes.encode(text);
    try {
      return new JsonReader(bytes, 0, limits, true).document(null);
    } catch (JsonException e) {
      throw JsonException.malformed(TextBytes.charOffset(bytes, e.offset()), e.problem(), e.isLimit());
    }
  }

  /**
   * Reads one JSON value from UTF-8 bytes, starting at {@code from} (past a byte order mark, say),
   * surrounded by nothing but JSON whitespace; offsets in errors count bytes from the array's
   * start.
   *
   * @param hook reads some members itself, or null
   * @throws JsonException if the bytes are not exactly one JSON value within the limits
   */
  public static Object parse(byte[] utf8, int from, JsonLimits limits, JsonHook hook) {
    if (utf8.length > limits.maxLength()) {
      throw JsonException.malformed(0, "longer than " + limits.maxLength() + " bytes", true);
    }
    return new JsonReader(utf8, from, limits, false).document(hook);
  }

  /** A reader at {@code position} of {@code utf8}, for a hook reading ahead on its own. */
  public static JsonReader at(byte[] utf8, int position, JsonLimits limits) {
    return new JsonReader(utf8, position, limits, false);
  }

  private Object document(JsonHook hook) {
    if (hook != null) {
      List<List<String>> members = hook.members();
      hookPaths = new String[members.size()][];
      for (int i = 0; i < hookPaths.length; i++) {
        hookPaths[i] = members.get(i).toArray(new String[0]);
      }
      this.hook = hook;
    }
    skipSpace();
    Object value = value(0, hook == null ? 0 : (1 << hookPaths.length) - 1);
    skipSpace();
    if (pos != end) {
      throw error("unexpected text after the value");
    }
    return value;
  }

  // ---- the cursor, for hooks

  /** The position in the bytes. */
  public int position() {
    return pos;
  }

  /** Goes back (or on) to {@code position}. */
  public void reset(int position) {
    pos = position;
  }

  /** Skips JSON whitespace. */
  public void skipSpace() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  /** The byte at the position (0 to 255), or -1 at the end. */
  public int peek() {
    return pos < end ? b[pos] & 0xFF : -1;
  }

  /** Moves past the byte at the position if it is {@code c}; returns whether it was. */
  public boolean skip(char c) {
    if (pos < end && b[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * Reads the string at the position (its opening quote).
   *
   * @throws JsonException if it is not a valid string
   */
  public String readString() {
    pos++;
    int start = pos;
    // Plain ASCII without escapes: one copy, into a Latin-1 string.
    for (int i = pos; i < end; i++) {
      int c = b[i];
      if (c == '"') {
        checkStringLength(i - start);
        pos = i + 1;
        return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (c < 0x20 || c == '\\') {
        break;
      }
    }
    int n = decode();
    return new String(buf, 0, n);
  }

  /**
   * Reads the string at the position (its opening quote) into {@link #chars}, without making a
   * String; returns its length.
   *
   * @throws JsonException if it is not a valid string
   */
  public int readChars() {
    pos++;
    return decode();
  }

  /** The text of the last {@link #readChars}, valid up to its length until the next read. */
  public char[] chars() {
    return buf;
  }

  /**
   * Reads a plain integer literal in {@code [0, Integer.MAX_VALUE]} at the position; -1 (position
   * unchanged) if the value there is anything else.
   */
  public int readNonNegativeInt() {
    int i = pos;
    if (i >= end || b[i] < '0' || b[i] > '9') {
      return -1;
    }
    long v = 0;
    if (b[i] == '0') {
      i++;
    } else {
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i] - '0');
        if (v > Integer.MAX_VALUE) {
          return -1;
        }
        i++;
      }
    }
    if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E' || (b[i] >= '0' && b[i] <= '9'))) {
      return -1;
    }
    pos = i;
    return (int) v;
  }

  /**
   * Reads the number at the position as a double, as {@link Double#parseDouble} reads its text
   * (a compact reader's shortcut past the tree's exact {@code BigDecimal}); NaN, position
   * unchanged, if the value there is not a number of the JSON grammar within {@value
   * #MAX_NUMBER_LENGTH} chars, or is beyond a double's range.
   */
  public double readDouble() {
    int start = pos;
    int i = pos;
    if (i < end && b[i] == '-') {
      i++;
    }
    if (i < end && b[i] == '0') {
      i++;
    } else {
      int digits = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == digits) {
        return Double.NaN;
      }
    }
    if (i < end && b[i] == '.') {
      int digits = ++i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == digits) {
        return Double.NaN;
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int digits = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == digits) {
        return Double.NaN;
      }
    }
    if (i - start > MAX_NUMBER_LENGTH) {
      return Double.NaN;
    }
    double value = Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
    if (Double.isInfinite(value)) {
      // Beyond a double: the tree's reading decides (an exponent beyond BigDecimal's is an error).
      return Double.NaN;
    }
    pos = i;
    return value;
  }

  // ---- the tree

  /**
   * @param hooked the hook members this value may lead to, one bit each (the root leads to all)
   */
  private Object value(int depth, int hooked) {
    if (pos >= end) {
      throw error("unexpected end");
    }
    int c = b[pos];
    switch (c) {
      case '{':
        return object(depth + 1, hooked);
      case '[':
        return array(depth + 1);
      case '"':
        return readString();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("expected a value");
    }
  }

  private void checkDepth(int depth) {
    if (depth > limits.maxDepth()) {
      throw JsonException.malformed(pos, "nested deeper than " + limits.maxDepth(), true);
    }
  }

  private Map<String, Object> object(int depth, int hooked) {
    checkDepth(depth);
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (pos < end && b[pos] == '}') {
      pos++;
      return members;
    }
    while (true) {
      if (pos >= end || b[pos] != '"') {
        throw error(pos >= end ? "unexpected end" : "expected a key");
      }
      String name = readString();
      skipSpace();
      expect(':');
      skipSpace();
      Object v = null;
      int childHooked = 0;
      if (hooked != 0) {
        childHooked = follow(hooked, depth - 1, name);
        int index = complete(childHooked, depth);
        if (index >= 0 && depth + 2 <= limits.maxDepth()) {
          // A hook reads no deeper than two levels; deeper values go the generic way to fail.
          v = hook.read(index, this);
        }
      }
      if (v == null) {
        v = value(depth, childHooked);
      }
      members.put(name, v);
      skipSpace();
      if (pos >= end) {
        throw error("unexpected end");
      }
      if (b[pos] == '}') {
        pos++;
        return members;
      }
      if (b[pos] != ',') {
        throw error("expected ',' or '}'");
      }
      pos++;
      skipSpace();
    }
  }

  /** Of the hook members in {@code hooked}, those whose name at {@code level} is {@code name}. */
  private int follow(int hooked, int level, String name) {
    int out = 0;
    for (int i = 0; i < hookPaths.length; i++) {
      if ((hooked & (1 << i)) != 0 && hookPaths[i].length > level && hookPaths[i][level].equals(name)) {
        out |= 1 << i;
      }
    }
    return out;
  }

  /** The hook member of {@code hooked} that ends at {@code length} names, or -1. */
  private int complete(int hooked, int length) {
    for (int i = 0; i < hookPaths.length; i++) {
      if ((hooked & (1 << i)) != 0 && hookPaths[i].length == length) {
        return i;
      }
    }
    return -1;
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++;
    List<Object> elements = new ArrayList<>();
    skipSpace();
    if (pos < end && b[pos] == ']') {
      pos++;
      return elements;
    }
    while (true) {
      elements.add(value(depth, 0));
      skipSpace();
      if (pos >= end) {
        throw error("unexpected end");
      }
      if (b[pos] == ']') {
        pos++;
        return elements;
      }
      if (b[pos] != ',') {
        throw error("expected ',' or ']'");
      }
      pos++;
      skipSpace();
    }
  }

  private void literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      throw error("expected a value");
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        throw error("expected a value");
      }
    }
    pos += n;
  }

  private Object number() {
    int start = pos;
    boolean integral = true;
    if (b[pos] == '-') {
      pos++;
    }
    if (pos < end && b[pos] == '0') {
      pos++;
    } else if (!digits()) {
      throw error("bad number");
    }
    if (pos < end && b[pos] == '.') {
      integral = false;
      pos++;
      if (!digits()) {
        throw error("bad number");
      }
    }
    if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
      integral = false;
      pos++;
      if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error("bad number");
      }
    }
    int length = pos - start;
    if (length > MAX_NUMBER_LENGTH) {
      pos = start;
      throw JsonException.malformed(pos, "number longer than " + MAX_NUMBER_LENGTH + " characters", true);
    }
    String text = new String(b, start, length, StandardCharsets.ISO_8859_1);
    if (integral && length <= 18) {
      return Long.parseLong(text);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      pos = start;
      throw error("number out of range");
    }
    if (integral && value.unscaledValue().bitLength() < 64) {
      return value.longValueExact();
    }
    return value;
  }

  /** Skips a run of digits; false when there is none. */
  private boolean digits() {
    int start = pos;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      pos++;
    }
    return pos > start;
  }

  // ---- strings

  private void checkStringLength(int n) {
    if (n > limits.maxStringLength()) {
      throw JsonException.malformed(pos, "string longer than " + limits.maxStringLength() + " characters", true);
    }
  }

  /** Decodes the rest of a string (opening quote read) into {@link #buf}; returns its length. */
  private int decode() {
    int n = 0;
    char[] out = buf;
    while (true) {
      if (pos >= end) {
        throw error("unterminated string");
      }
      if (n + 2 > out.length) {
        checkStringLength(n);
        out = buf = Arrays.copyOf(out, out.length * 2);
      }
      int c = b[pos] & 0xFF;
      if (c == '"') {
        checkStringLength(n);
        pos++;
        return n;
      }
      if (c == '\\') {
        out[n++] = escape();
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else if (c < 0x80) {
        out[n++] = (char) c;
        pos++;
      } else {
        int cp = utf8(c);
        if (cp >= 0x10000) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
      }
    }
  }

  /** The escape at the position (its backslash); moves past it. */
  private char escape() {
    int backslash = pos;
    pos++;
    if (pos >= end) {
      throw error("unterminated string");
    }
    int e = b[pos];
    pos++;
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int v = 0;
        for (int k = 0; k < 4; k++) {
          int d = pos < end ? hexValue(b[pos]) : -1;
          if (d < 0) {
            pos = backslash;
            throw error("bad \\u escape");
          }
          v = v * 16 + d;
          pos++;
        }
        return (char) v;
      default:
        pos = backslash;
        throw error("bad escape");
    }
  }

  private static int hexValue(byte c) {
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

  /** One UTF-8 encoded code point starting with byte {@code c} (at least 0x80); strict. */
  private int utf8(int c) {
    int need;
    int cp;
    int min;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      cp = c & 0x1F;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      cp = c & 0x0F;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      cp = c & 0x07;
      min = 0x10000;
    } else {
      throw error("invalid UTF-8");
    }
    int at = pos;
    pos++;
    for (int k = 0; k < need; k++) {
      if (pos >= end || (b[pos] & 0xC0) != 0x80) {
        pos = at;
        throw error("invalid UTF-8");
      }
      cp = (cp << 6) | (b[pos] & 0x3F);
      pos++;
    }
    if (cp < min || cp > Character.MAX_CODE_POINT
        || (cp >= 0xD800 && cp <= 0xDFFF && !fromText)) {
      pos = at;
      throw error("invalid UTF-8");
    }
    return cp;
  }

  // ---- helpers

  private void expect(char c) {
    if (pos >= end) {
      throw error("unexpected end");
    }
    if (b[pos] != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** Names the offset and the fault, never the input there: it may be a secret. */
  private JsonException error(String what) {
    return JsonException.malformed(pos, what, false);
  }

  /**
   * Text as UTF-8, a lone surrogate as the three bytes it would have as a code point (so that
   * {@link #utf8} gives it back when reading text), and byte offsets back to char offsets.
   */
  private static final class TextBytes {
    private TextBytes() {}

    static byte[] encode(String text) {
      int n = text.length();
      int ascii = 0;
      while (ascii < n && text.charAt(ascii) < 0x80) {
        ascii++;
      }
      if (ascii == n) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
      }
      byte[] out = new byte[ascii + 3 * (n - ascii)];
      int k = 0;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          out[k++] = (byte) c;
        } else if (c < 0x800) {
          out[k++] = (byte) (0xC0 | c >> 6);
          out[k++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, text.charAt(++i));
          out[k++] = (byte) (0xF0 | cp >> 18);
          out[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[k++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          out[k++] = (byte) (0xE0 | c >> 12);
          out[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          out[k++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      return Arrays.copyOf(out, k);
    }

    /** The char offset of byte offset {@code offset} of {@link #encode}'s bytes. */
    static int charOffset(byte[] bytes, int offset) {
      int chars = 0;
      for (int i = 0; i < offset && i < bytes.length; i++) {
        int c = bytes[i] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          chars += c >= 0xF0 ? 2 : 1;
        }
      }
      return chars;
    }
  }
}
