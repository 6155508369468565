package ai.boinc.transformers.tokenizers.internal.json;

import ai.boinc.transformers.json.JsonException;
import ai.boinc.transformers.json.JsonHook;
import ai.boinc.transformers.json.JsonLimits;
import ai.boinc.transformers.json.JsonReader;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RecursiveTask;

/**
 * Reads tokenizer files with core's {@link JsonReader}, within the loader's limits, into the tree
 * {@link JsonValue} walks; errors become {@link TokenizerLoadException}s naming the file, line
 * and column. A leading UTF-8 byte order mark is skipped.
 *
 * <p>The two big members of a tokenizer.json get compact forms instead (the reader's {@link
 * JsonHook}), so that a 200k-token vocabulary costs no node per entry: {@code $.model.vocab} as
 * {@link IntMembers} when every value is a non-negative int (or as {@link ScoredPieces} when it
 * is an array of {@code [piece, score]} pairs), {@code $.model.merges} as {@link MergeList} when
 * every element is a merge {@code "a b"} or {@code ["a", "b"]}. Anything else
 * there is read as usual (the reader rewinds), so the factories see the same values and report
 * the same errors either way. Thread-safe: each parse has its own state.
 */
public final class TokenizerJson {
  private static final JsonLimits LIMITS =
      JsonLimits.of(
          TokenizerJsonLoader.MAX_NESTING_DEPTH,
          TokenizerJsonLoader.MAX_DOCUMENT_LENGTH,
          TokenizerJsonLoader.MAX_STRING_LENGTH);

  /** Documents at least this long have their merges read on a pool thread, see {@link SpeculativeMerges}. */
  private static final int PARALLEL_DOCUMENT_LENGTH = 1 << 20;

  private TokenizerJson() {}

  /**
   * Reads one JSON value surrounded by nothing but whitespace; {@code source} names the text in
   * messages.
   *
   * @throws TokenizerLoadException if the text is empty, not valid JSON, or beyond the limits of
   *     {@link TokenizerJsonLoader}
   */
  public static Object parse(byte[] bytes, String source) {
    if (bytes.length > TokenizerJsonLoader.MAX_DOCUMENT_LENGTH) {
      throw limit(source, "document length " + bytes.length + " bytes");
    }
    int from = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      from = 3;
    }
    int first = from;
    while (first < bytes.length
        && (bytes[first] == ' ' || bytes[first] == '\n' || bytes[first] == '\r' || bytes[first] == '\t')) {
      first++;
    }
    if (first == bytes.length) {
      throw new TokenizerLoadException(source + " is empty; expected a JSON object");
    }
    CompactForms forms = new CompactForms(bytes, source);
    try {
      return JsonReader.parse(bytes, from, LIMITS, forms);
    } catch (JsonException e) {
      if (e.isLimit()) {
        throw limit(source, e.problem() + " (at byte " + e.offset() + ")");
      }
      throw syntax(bytes, source, e);
    } finally {
      forms.cancel();
    }
  }

  /** Reads {@code $.model.vocab} and {@code $.model.merges} in their compact forms where they fit. */
  private static final class CompactForms implements JsonHook {
    private static final List<List<String>> MEMBERS =
        List.of(List.of("model", "vocab"), List.of("model", "merges"));

    /** The merges being read ahead, until the member they belong to is reached. */
    private SpeculativeMerges merges;

    CompactForms(byte[] bytes, String source) {
      if (bytes.length >= PARALLEL_DOCUMENT_LENGTH) {
        merges = new SpeculativeMerges(bytes);
        merges.fork();
      }
    }

    @Override
    public List<List<String>> members() {
      return MEMBERS;
    }

    @Override
    public Object read(int index, JsonReader reader) {
      if (index == 0) {
        int c = reader.peek();
        return c == '{' ? intMembers(reader) : c == '[' ? scoredPieces(reader) : null;
      }
      if (reader.peek() != '[') {
        return null;
      }
      MergeList ahead = readAheadMerges(reader);
      return ahead != null ? ahead : mergeList(reader);
    }

    /**
     * The merges read ahead for the array at the reader's position (then skipped), or null if
     * they were read from elsewhere or could not be read as a {@link MergeList}.
     */
    private MergeList readAheadMerges(JsonReader reader) {
      SpeculativeMerges task = merges;
      if (task == null) {
        return null;
      }
      merges = null;
      SpeculativeMerges.Result r = task.join();
      if (r == null || r.start != reader.position()) {
        return null;
      }
      reader.reset(r.end);
      return r.list;
    }

    void cancel() {
      if (merges != null) {
        merges.cancel(false);
      }
    }
  }

  /**
   * An object whose values are all non-negative ints, or null (position unchanged) if this one
   * is not such an object. Syntax errors in its strings are thrown as the generic path would.
   */
  private static IntMembers intMembers(JsonReader r) {
    int start = r.position();
    r.skip('{');
    String[] names = new String[1024];
    int[] values = new int[1024];
    // The names' text, start offsets and hashes, for the token index (one pass over the text).
    char[] text = new char[1 << 16];
    int[] starts = new int[1025];
    int[] hashes = new int[1024];
    int used = 0;
    int n = 0;
    r.skipSpace();
    if (r.skip('}')) {
      return new IntMembers(names, values, 0, text, starts, hashes);
    }
    while (true) {
      r.skipSpace();
      if (r.peek() != '"') {
        return decline(r, start);
      }
      int length = r.readChars();
      char[] chars = r.chars();
      if (used + length > text.length) {
        text = Arrays.copyOf(text, Math.max(2 * text.length, used + length));
      }
      int h = 0;
      for (int k = 0; k < length; k++) {
        char c = chars[k];
        text[used + k] = c;
        h = 31 * h + c;
      }
      String name = new String(chars, 0, length);
      r.skipSpace();
      if (!r.skip(':')) {
        return decline(r, start);
      }
      r.skipSpace();
      int value = r.readNonNegativeInt();
      if (value < 0) {
        return decline(r, start);
      }
      if (n == names.length) {
        names = Arrays.copyOf(names, n * 2);
        values = Arrays.copyOf(values, n * 2);
        hashes = Arrays.copyOf(hashes, n * 2);
        starts = Arrays.copyOf(starts, n * 2 + 1);
      }
      names[n] = name;
      values[n] = value;
      hashes[n] = h;
      starts[n++] = used;
      used += length;
      r.skipSpace();
      if (r.skip(',')) {
        continue;
      }
      if (r.skip('}')) {
        starts[n] = used;
        return new IntMembers(names, values, n, text, starts, hashes);
      }
      return decline(r, start);
    }
  }

  /**
   * An array of {@code [piece, score]} pairs, a string and a number each, or null (position
   * unchanged) for any other array.
   */
  private static ScoredPieces scoredPieces(JsonReader r) {
    int start = r.position();
    r.skip('[');
    ScoredPieces.Builder out = new ScoredPieces.Builder();
    r.skipSpace();
    if (r.skip(']')) {
      return out.build();
    }
    while (true) {
      r.skipSpace();
      if (!r.skip('[')) {
        return decline(r, start);
      }
      r.skipSpace();
      if (r.peek() != '"') {
        return decline(r, start);
      }
      String piece = r.readString();
      r.skipSpace();
      if (!r.skip(',')) {
        return decline(r, start);
      }
      r.skipSpace();
      double score = r.readDouble();
      r.skipSpace();
      if (Double.isNaN(score) || !r.skip(']')) {
        return decline(r, start);
      }
      out.add(piece, score);
      r.skipSpace();
      if (r.skip(',')) {
        continue;
      }
      if (r.skip(']')) {
        return out.build();
      }
      return decline(r, start);
    }
  }

  /**
   * An array of merges, each {@code "a b"} (one space) or {@code ["a", "b"]}, or null (position
   * unchanged) for any other array.
   */
  private static MergeList mergeList(JsonReader r) {
    int start = r.position();
    r.skip('[');
    MergeList.Builder out = new MergeList.Builder();
    r.skipSpace();
    if (r.skip(']')) {
      return out.build();
    }
    while (true) {
      r.skipSpace();
      int c = r.peek();
      if (c == '"') {
        int n = r.readChars();
        char[] text = r.chars();
        int space = -1;
        for (int k = 0; k < n; k++) {
          if (text[k] == ' ') {
            if (space >= 0) {
              space = -2;
              break;
            }
            space = k;
          }
        }
        if (space < 0 || startsWith(text, n, "#version")) {
          // No space, several, or a "#version" header: the generic path decides.
          return decline(r, start);
        }
        out.add(text, n, space, false);
      } else if (c == '[') {
        r.skip('[');
        r.skipSpace();
        if (r.peek() != '"') {
          return decline(r, start);
        }
        int leftLength = r.readChars();
        int mark = out.beginPair(r.chars(), leftLength);
        r.skipSpace();
        if (!r.skip(',')) {
          return decline(r, start);
        }
        r.skipSpace();
        if (r.peek() != '"') {
          return decline(r, start);
        }
        int rightLength = r.readChars();
        out.endPair(mark, r.chars(), rightLength);
        r.skipSpace();
        if (!r.skip(']')) {
          return decline(r, start);
        }
      } else {
        return decline(r, start);
      }
      r.skipSpace();
      if (r.skip(',')) {
        continue;
      }
      if (r.skip(']')) {
        return out.build();
      }
      return decline(r, start);
    }
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

    SpeculativeMerges(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    protected Result compute() {
      int start = find(bytes);
      if (start < 0) {
        return null;
      }
      JsonReader r = JsonReader.at(bytes, start, LIMITS);
      try {
        MergeList list = mergeList(r);
        return list == null ? null : new Result(start, r.position(), list);
      } catch (RuntimeException e) {
        // Invalid text: the parser finds it again in order and reports it.
        return null;
      }
    }

    /**
     * How far the search may move when the byte under the key's last position is {@code b}:
     * Horspool's skip table, so that most of the megabytes before the merges are stepped over
     * {@code KEY.length} bytes at a time (the scan runs mostly before the JIT has compiled it).
     */
    private static final byte[] SKIP = new byte[256];

    static {
      Arrays.fill(SKIP, (byte) KEY.length);
      for (int k = 0; k < KEY.length - 1; k++) {
        SKIP[KEY[k] & 0xFF] = (byte) (KEY.length - 1 - k);
      }
    }

    /** Position of the '[' after the first {@code "merges"} followed by ':' and '[', or -1. */
    private static int find(byte[] b) {
      int last = KEY.length - 1;
      for (int i = 0; i + last < b.length; i += SKIP[b[i + last] & 0xFF]) {
        if (b[i + last] != '"' || b[i] != '"') {
          continue;
        }
        int k = 1;
        while (k < last && b[i + k] == KEY[k]) {
          k++;
        }
        if (k < last) {
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

  /** Not this compact form after all: back to {@code start}, for the generic reading. */
  private static <T> T decline(JsonReader r, int start) {
    r.reset(start);
    return null;
  }

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

  private static TokenizerLoadException syntax(byte[] b, String source, JsonException e) {
    int line = 1;
    int lineStart = 0;
    int upTo = Math.min(e.offset(), b.length);
    for (int i = 0; i < upTo; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TokenizerLoadException(
        source + " is not valid JSON (line " + line + ", column " + (upTo - lineStart + 1) + "): "
            + e.problem());
  }

  private static TokenizerLoadException limit(String source, String what) {
    return new TokenizerLoadException(
        source + " exceeds a limit of transformers-java: " + what + " (limits: nesting "
            + TokenizerJsonLoader.MAX_NESTING_DEPTH + ", document "
            + TokenizerJsonLoader.MAX_DOCUMENT_LENGTH + " bytes, string "
            + TokenizerJsonLoader.MAX_STRING_LENGTH + " chars)");
  }
}
