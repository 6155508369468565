package ai.boinc.transformers.tokenizers.internal.json;

import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RecursiveTask;

/**
 * A strict JSON (RFC 8259) reader for tokenizer files, straight from UTF-8 bytes into the tree
 * {@link JsonValue} walks: objects as {@code LinkedHashMap<String, Object>} (a repeated key keeps
 * its first place and its last value), arrays as {@code List<Object>}, strings as {@code String},
 * booleans as {@code Boolean}, {@code null} as {@link #NULL}, integers as {@code Long} (or {@code
 * BigInteger} beyond a long) and other numbers as {@code Double}.
 *
 * <p>The two big members of a tokenizer.json get compact forms instead, so that a 200k-token
 * vocabulary costs no node per entry: {@code $.model.vocab} as {@link IntMembers} when every value
 * is a non-negative int, {@code $.model.merges} as {@link MergeList} when every element is a merge
 * {@code "a b"} or {@code ["a", "b"]}. Anything else there is read as usual (the reader rewinds),
 * so the factories see the same values and report the same errors either way.
 *
 * <p>Invalid UTF-8, control characters in strings, text after the value and numbers outside the
 * JSON grammar are refused; an escaped lone surrogate is kept. Not thread-safe: one per document.
 */
public final class JsonReader {
  /** JSON {@code null} (Java null stands for a missing member). */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  private static final int OTHER = 0;
  private static final int ROOT = 1;
  private static final int MODEL = 2;
  private static final int VOCAB = 3;
  private static final int MERGES = 4;
  private static final int MAX_NUMBER_LENGTH = 1000;

  /** Documents at least this long have their merges read on a pool thread, see {@link SpeculativeMerges}. */
  private static final int PARALLEL_DOCUMENT_LENGTH = 1 << 20;

  private final byte[] b;
  private final int end;
  private final String source;
  private int pos;
  /** Decoded string text (strings with escapes or non-ASCII characters). */
  private char[] buf = new char[256];
  /** The merges being read ahead, until the member they belong to is reached. */
  private SpeculativeMerges merges;

  private JsonReader(byte[] bytes, String source) {
    this.b = bytes;
    this.end = bytes.length;
    this.source = source;
  }

  /**
   * Reads one JSON value surrounded by nothing but whitespace (a leading UTF-8 byte order mark is
   * skipped); {@code source} names the text in messages.
   *
   * @throws TokenizerLoadException if the text is empty, not valid JSON, or beyond the limits of
   *     {@link TokenizerJsonLoader}
   */
  public static Object parse(byte[] bytes, String source) {
    if (bytes.length > TokenizerJsonLoader.MAX_DOCUMENT_LENGTH) {
      throw limit(source, "document length " + bytes.length + " bytes");
    }
    JsonReader r = new JsonReader(bytes, source);
    if (r.end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      r.pos = 3;
    }
    r.skipSpace();
    if (r.pos == r.end) {
      throw new TokenizerLoadException(source + " is empty; expected a JSON object");
    }
    if (r.end >= PARALLEL_DOCUMENT_LENGTH) {
      r.merges = new SpeculativeMerges(bytes, source);
      r.merges.fork();
    }
    Object value;
    try {
      value = r.value(0, ROOT);
    } finally {
      if (r.merges != null) {
        r.merges.cancel(false);
      }
    }
    r.skipSpace();
    if (r.pos != r.end) {
      throw r.syntax("unexpected text after the value");
    }
    return value;
  }

  // ---- generic values

  private Object value(int depth, int kind) {
    if (pos >= end) {
      throw syntax("unexpected end of input; expected a value");
    }
    int c = b[pos];
    switch (c) {
      case '{':
        return object(depth + 1, kind);
      case '[':
        return array(depth + 1, kind);
      case '"':
        pos++;
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw syntax("unexpected " + describe(pos) + "; expected a value");
    }
  }

  private void checkDepth(int depth) {
    if (depth > TokenizerJsonLoader.MAX_NESTING_DEPTH) {
      throw limit(source, "nesting depth " + depth + " (at byte " + pos + ")");
    }
  }

  private Object object(int depth, int kind) {
    checkDepth(depth);
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (pos < end && b[pos] == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipSpace();
      if (pos >= end || b[pos] != '"') {
        throw syntax("expected a member name in double quotes but found " + describe(pos));
      }
      pos++;
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      int childKind = OTHER;
      if (kind == ROOT && name.equals("model")) {
        childKind = MODEL;
      } else if (kind == MODEL && name.equals("vocab")) {
        childKind = VOCAB;
      } else if (kind == MODEL && name.equals("merges")) {
        childKind = MERGES;
      }
      Object v = null;
      if (childKind == VOCAB && pos < end && b[pos] == '{' && depth + 1 <= TokenizerJsonLoader.MAX_NESTING_DEPTH) {
        v = intMembers();
      } else if (childKind == MERGES && pos < end && b[pos] == '[' && depth + 2 <= TokenizerJsonLoader.MAX_NESTING_DEPTH) {
        v = readAheadMerges();
        if (v == null) {
          v = mergeList();
        }
      }
      if (v == null) {
        v = value(depth, childKind);
      }
      members.put(name, v);
      skipSpace();
      if (pos < end && b[pos] == ',') {
        pos++;
      } else if (pos < end && b[pos] == '}') {
        pos++;
        return members;
      } else {
        throw syntax("expected ',' or '}' after an object member but found " + describe(pos));
      }
    }
  }

  private Object array(int depth, int kind) {
    checkDepth(depth);
    pos++;
    List<Object> elements = new ArrayList<>();
    skipSpace();
    if (pos < end && b[pos] == ']') {
      pos++;
      return elements;
    }
    while (true) {
      skipSpace();
      elements.add(value(depth, OTHER));
      skipSpace();
      if (pos < end && b[pos] == ',') {
        pos++;
      } else if (pos < end && b[pos] == ']') {
        pos++;
        return elements;
      } else {
        throw syntax("expected ',' or ']' after an array element but found " + describe(pos));
      }
    }
  }

  private void literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      throw syntax("unexpected " + describe(pos) + "; expected a value");
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        throw syntax("unexpected " + describe(pos) + "; expected a value");
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
    if (pos >= end || b[pos] < '0' || b[pos] > '9') {
      throw syntax("expected a digit in a number");
    }
    if (b[pos] == '0') {
      pos++;
      if (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        throw syntax("leading zeros are not allowed in numbers");
      }
    } else {
      digits();
    }
    if (pos < end && b[pos] == '.') {
      integral = false;
      pos++;
      if (pos >= end || b[pos] < '0' || b[pos] > '9') {
        throw syntax("expected a digit after the decimal point");
      }
      digits();
    }
    if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
      integral = false;
      pos++;
      if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
        pos++;
      }
      if (pos >= end || b[pos] < '0' || b[pos] > '9') {
        throw syntax("expected a digit in the exponent");
      }
      digits();
    }
    int length = pos - start;
    if (length > MAX_NUMBER_LENGTH) {
      throw limit(source, "number length " + length + " (maximum " + MAX_NUMBER_LENGTH + ")");
    }
    String text = new String(b, start, length, StandardCharsets.ISO_8859_1);
    if (!integral) {
      return Double.parseDouble(text);
    }
    if (length <= 18) {
      return Long.parseLong(text);
    }
    BigInteger big = new BigInteger(text);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private void digits() {
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      pos++;
    }
  }

  // ---- strings

  /** A string whose opening quote has been read. */
  private String string() {
    int start = pos;
    int i = pos;
    // Plain ASCII without escapes: one copy, into a Latin-1 string.
    while (i < end) {
      int c = b[i];
      if (c == '"') {
        if (i - start > TokenizerJsonLoader.MAX_STRING_LENGTH) {
          throw limit(source, "string length " + (i - start));
        }
        pos = i + 1;
        return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (c < 0x20 || c == '\\') {
        break;
      }
      i++;
    }
    int n = chars();
    return new String(buf, 0, n);
  }

  /** Decodes the rest of a string (opening quote read) into {@link #buf}; returns its length. */
  private int chars() {
    int n = 0;
    char[] out = buf;
    while (true) {
      if (pos >= end) {
        throw syntax("unterminated string");
      }
      if (n + 2 > out.length) {
        if (n > TokenizerJsonLoader.MAX_STRING_LENGTH) {
          throw limit(source, "string length " + n);
        }
        out = buf = java.util.Arrays.copyOf(out, out.length * 2);
      }
      int c = b[pos] & 0xFF;
      if (c == '"') {
        pos++;
        if (n > TokenizerJsonLoader.MAX_STRING_LENGTH) {
          throw limit(source, "string length " + n);
        }
        return n;
      }
      if (c == '\\') {
        out[n++] = escape();
      } else if (c < 0x20) {
        throw syntax("control character " + describe(pos) + " in a string; it must be escaped");
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

  private char escape() {
    if (pos + 1 >= end) {
      throw syntax("unterminated string");
    }
    int e = b[pos + 1];
    pos += 2;
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
          int d = pos < end ? Character.digit(b[pos], 16) : -1;
          if (d < 0 || b[pos] >= 0x80) {
            throw syntax("expected 4 hex digits after \\u");
          }
          v = v * 16 + d;
          pos++;
        }
        return (char) v;
      default:
        pos -= 1;
        throw syntax("unknown escape " + describe(pos) + " in a string");
    }
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
      throw syntax("invalid UTF-8 start byte 0x" + Integer.toHexString(c));
    }
    int at = pos;
    pos++;
    for (int k = 0; k < need; k++) {
      if (pos >= end || (b[pos] & 0xC0) != 0x80) {
        pos = at;
        throw syntax("invalid UTF-8 sequence");
      }
      cp = (cp << 6) | (b[pos] & 0x3F);
      pos++;
    }
    if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
      pos = at;
      throw syntax("invalid UTF-8 sequence");
    }
    return cp;
  }

  // ---- compact forms of $.model.vocab and $.model.merges

  /**
   * An object whose values are all non-negative ints, or null (position unchanged) if this one
   * is not such an object. Syntax errors in its strings are thrown as the generic path would.
   */
  private IntMembers intMembers() {
    int start = pos;
    pos++;
    String[] names = new String[1024];
    int[] values = new int[1024];
    int n = 0;
    skipSpace();
    if (pos < end && b[pos] == '}') {
      pos++;
      return new IntMembers(names, values, 0);
    }
    while (true) {
      skipSpace();
      if (pos >= end || b[pos] != '"') {
        pos = start;
        return null;
      }
      pos++;
      String name = string();
      skipSpace();
      if (pos >= end || b[pos] != ':') {
        pos = start;
        return null;
      }
      pos++;
      skipSpace();
      int value = nonNegativeInt();
      if (value < 0) {
        pos = start;
        return null;
      }
      if (n == names.length) {
        names = java.util.Arrays.copyOf(names, n * 2);
        values = java.util.Arrays.copyOf(values, n * 2);
      }
      names[n] = name;
      values[n++] = value;
      skipSpace();
      if (pos < end && b[pos] == ',') {
        pos++;
      } else if (pos < end && b[pos] == '}') {
        pos++;
        return new IntMembers(names, values, n);
      } else {
        pos = start;
        return null;
      }
    }
  }

  /** A plain integer literal in [0, Integer.MAX_VALUE], or -1 if the value is anything else. */
  private int nonNegativeInt() {
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
   * An array of merges, each {@code "a b"} (one space) or {@code ["a", "b"]}, or null (position
   * unchanged) for any other array.
   */
  private MergeList mergeList() {
    int start = pos;
    pos++;
    MergeList.Builder out = new MergeList.Builder();
    skipSpace();
    if (pos < end && b[pos] == ']') {
      pos++;
      return out.build();
    }
    while (true) {
      skipSpace();
      if (pos >= end) {
        pos = start;
        return null;
      }
      if (b[pos] == '"') {
        pos++;
        int n = chars();
        int space = -1;
        for (int k = 0; k < n; k++) {
          if (buf[k] == ' ') {
            if (space >= 0) {
              space = -2;
              break;
            }
            space = k;
          }
        }
        if (space < 0 || startsWith(buf, n, "#version")) {
          // No space, several, or a "#version" header: the generic path decides.
          pos = start;
          return null;
        }
        out.add(buf, n, space, false);
      } else if (b[pos] == '[') {
        pos++;
        skipSpace();
        if (pos >= end || b[pos] != '"') {
          pos = start;
          return null;
        }
        pos++;
        int leftLength = chars();
        int mark = out.beginPair(buf, leftLength);
        skipSpace();
        if (pos >= end || b[pos] != ',') {
          pos = start;
          return null;
        }
        pos++;
        skipSpace();
        if (pos >= end || b[pos] != '"') {
          pos = start;
          return null;
        }
        pos++;
        int rightLength = chars();
        out.endPair(mark, buf, rightLength);
        skipSpace();
        if (pos >= end || b[pos] != ']') {
          pos = start;
          return null;
        }
        pos++;
      } else {
        pos = start;
        return null;
      }
      skipSpace();
      if (pos < end && b[pos] == ',') {
        pos++;
      } else if (pos < end && b[pos] == ']') {
        pos++;
        return out.build();
      } else {
        pos = start;
        return null;
      }
    }
  }

  /**
   * The merges read ahead for the array at {@link #pos} (then skipped), or null if they were read
   * from elsewhere or could not be read as a {@link MergeList}.
   */
  private MergeList readAheadMerges() {
    SpeculativeMerges task = merges;
    if (task == null) {
      return null;
    }
    merges = null;
    SpeculativeMerges.Result r = task.join();
    if (r == null || r.start != pos) {
      return null;
    }
    pos = r.end;
    return r.list;
  }

  /**
   * Reads {@code $.model.merges} on a pool thread while this thread reads what comes before it
   * (mostly the vocabulary): finds the first {@code "merges": [} in the bytes and reads a {@link
   * MergeList} from there with a reader of its own. Only a guess: the result is used when the
   * parser reaches {@code $.model.merges} at exactly that position, else the parser reads the
   * array itself, so errors and values are those of a sequential read.
   */
  private static final class SpeculativeMerges extends RecursiveTask<SpeculativeMerges.Result> {
    private static final long serialVersionUID = 1L;
    private static final byte[] KEY = {'"', 'm', 'e', 'r', 'g', 'e', 's', '"'};

    static final class Result {
      final int start;
      final int end;
      final MergeList list;

      Result(int start, int end, MergeList list) {
        this.start = start;
        this.end = end;
        this.list = list;
      }
    }

    private final transient byte[] bytes;
    private final String source;

    SpeculativeMerges(byte[] bytes, String source) {
      this.bytes = bytes;
      this.source = source;
    }

    @Override
    protected Result compute() {
      int start = find(bytes);
      if (start < 0) {
        return null;
      }
      JsonReader r = new JsonReader(bytes, source);
      r.pos = start;
      try {
        MergeList list = r.mergeList();
        return list == null ? null : new Result(start, r.pos, list);
      } catch (RuntimeException e) {
        // Invalid text: the parser finds it again in order and reports it.
        return null;
      }
    }

    /** Position of the '[' after the first {@code "merges"} followed by ':' and '[', or -1. */
    private static int find(byte[] b) {
      int n = b.length - KEY.length;
      for (int i = 0; i < n; i++) {
        if (b[i] != '"' || b[i + 1] != 'm') {
          continue;
        }
        int k = 2;
        while (k < KEY.length && b[i + k] == KEY[k]) {
          k++;
        }
        if (k < KEY.length) {
          continue;
        }
        int j = skip(b, i + KEY.length);
        if (j < b.length && b[j] == ':') {
          j = skip(b, j + 1);
          if (j < b.length && b[j] == '[') {
            return j;
          }
        }
      }
      return -1;
    }

    private static int skip(byte[] b, int j) {
      while (j < b.length && (b[j] == ' ' || b[j] == '\n' || b[j] == '\r' || b[j] == '\t')) {
        j++;
      }
      return j;
    }
  }

  // ---- helpers

  private static boolean startsWith(char[] text, int n, String prefix) {
    if (n < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void skipSpace() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private void expect(char c) {
    if (pos >= end || b[pos] != c) {
      throw syntax("expected '" + c + "' but found " + describe(pos));
    }
    pos++;
  }

  private String describe(int at) {
    if (at >= end) {
      return "end of input";
    }
    int c = b[at] & 0xFF;
    if (c >= 0x20 && c < 0x7F) {
      return "'" + (char) c + "'";
    }
    return "byte 0x" + Integer.toHexString(c);
  }

  private TokenizerLoadException syntax(String problem) {
    int line = 1;
    int lineStart = 0;
    int upTo = Math.min(pos, end);
    for (int i = 0; i < upTo; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TokenizerLoadException(
        source + " is not valid JSON (line " + line + ", column " + (upTo - lineStart + 1) + "): "
            + problem);
  }

  private static TokenizerLoadException limit(String source, String what) {
    return new TokenizerLoadException(
        source + " exceeds a limit of transformers-java: " + what + " (limits: nesting "
            + TokenizerJsonLoader.MAX_NESTING_DEPTH + ", document "
            + TokenizerJsonLoader.MAX_DOCUMENT_LENGTH + " bytes, string "
            + TokenizerJsonLoader.MAX_STRING_LENGTH + " chars)");
  }
}
