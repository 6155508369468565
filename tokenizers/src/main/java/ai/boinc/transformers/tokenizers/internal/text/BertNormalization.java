package ai.boinc.transformers.tokenizers.internal.text;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What BERT's four normalization steps ({@code clean_text}, {@code handle_chinese_chars}, {@code
 * strip_accents}, {@code lowercase}) make of one character, for one combination of settings:
 * {@link #table()} answers most UTF-16 units in one array read, {@link #expand} the rest. Shared by
 * the {@code BertNormalizer} and the fused BERT encoder so that both rewrite text alike. Immutable
 * and thread-safe.
 */
public final class BertNormalization {
  /** Most code points one character can become (a space, a decomposition, a space). */
  public static final int MAX_EXPANSION = 24;
  /** In {@link #table()}: the character is dropped. */
  public static final char DROP = 0xFFFE;
  /** In {@link #table()}: the character needs {@link #expand}. */
  public static final char COMPLEX = 0xFFFF;
  /** One table per combination of the four settings, built on first use. */
  private static final AtomicReferenceArray<char[]> TABLES = new AtomicReferenceArray<>(16);

  private final boolean cleanText;
  private final boolean handleChineseChars;
  private final boolean stripAccents;
  private final boolean lowercase;

  public BertNormalization(
      boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {
    this.cleanText = cleanText;
    this.handleChineseChars = handleChineseChars;
    this.stripAccents = stripAccents;
    this.lowercase = lowercase;
  }

  /**
   * What the four steps make of the character {@code cp} at {@code in[i]}: code points at {@code
   * out[2k]}, each with the index in {@code in} whose span it takes at {@code out[2k+1]} (-1 for
   * the empty span at 0). Returns how many. As in a reference transform, a replacing character
   * takes the span of its character's first unit and an inserted one that of the last unit before
   * it: a space put before a CJK character takes the span of the character before it that
   * clean_text kept. {@code out} holds at least {@code 2 * MAX_EXPANSION} entries.
   */
  public int expand(char[] in, int i, int cp, int[] out) {
    int last = i + Character.charCount(cp) - 1;
    if (cleanText) {
      if (isDroppedByClean(cp)) {
        return 0;
      }
      if (Text.isWhiteSpace(cp) || cp == '\t' || cp == '\n' || cp == '\r') {
        cp = ' ';
      }
    }
    int k = 0;
    boolean chinese = handleChineseChars && BertChars.isChineseChar(cp);
    if (chinese) {
      out[k++] = ' ';
      out[k++] = keptBefore(in, i);
    }
    int[] pieces = stripAccents ? BertChars.decomposition(cp) : null;
    if (pieces == null) {
      if (!stripAccents || !BertChars.isNonspacingMark(cp)) {
        k = lower(cp, i, last, out, k);
      }
    } else {
      for (int p = 0; p < pieces.length; p++) {
        if (!BertChars.isNonspacingMark(pieces[p])) {
          k = lower(pieces[p], p == 0 ? i : last, last, out, k);
        }
      }
    }
    if (chinese) {
      out[k++] = ' ';
      out[k++] = last;
    }
    return k / 2;
  }

  /**
   * Adds the lowercase of {@code cp}: its first character from {@code source}, any others (as
   * inserted characters) from {@code last}.
   */
  private int lower(int cp, int source, int last, int[] out, int k) {
    int lower = lowercase ? BertChars.lowercase(cp) : cp;
    if (lower >= 0) {
      out[k++] = lower;
      out[k++] = source;
    } else {
      int[] several = BertChars.lowercaseSpecial(cp);
      for (int c = 0; c < several.length; c++) {
        out[k++] = several[c];
        out[k++] = c == 0 ? source : last;
      }
    }
    return k;
  }

  private boolean isDroppedByClean(int cp) {
    return cleanText && (cp == 0 || cp == 0xFFFD || BertChars.isOther(cp));
  }

  /** Index of the last unit before {@code i} of a character clean_text keeps, or -1. */
  private int keptBefore(char[] in, int i) {
    int j = i;
    while (j > 0) {
      int cp = Character.codePointBefore(in, j);
      if (!isDroppedByClean(cp)) {
        return j - 1;
      }
      j -= Character.charCount(cp);
    }
    return -1;
  }

  /**
   * For each UTF-16 unit, the one BMP character it becomes (taking its own span), {@link #DROP}
   * or {@link #COMPLEX}: most text then needs one array read per character. Not to be changed.
   */
  public char[] table() {
    int key = (cleanText ? 8 : 0) | (handleChineseChars ? 4 : 0) | (stripAccents ? 2 : 0)
        | (lowercase ? 1 : 0);
    char[] table = TABLES.get(key);
    if (table == null) {
      table = buildTable();
      TABLES.compareAndSet(key, null, table);
      table = TABLES.get(key);
    }
    return table;
  }

  private char[] buildTable() {
    char[] table = new char[0x10000];
    int[] out = new int[2 * MAX_EXPANSION];
    char[] in = new char[1];
    for (int c = 0; c < table.length; c++) {
      table[c] = COMPLEX;
      if (Character.isSurrogate((char) c) || c == DROP || c == COMPLEX) {
        continue;
      }
      in[0] = (char) c;
      int k = expand(in, 0, c, out);
      if (k == 0) {
        table[c] = DROP;
      } else if (k == 1 && out[0] < DROP && !Character.isSurrogate((char) out[0])) {
        table[c] = (char) out[0];
      }
    }
    return table;
  }
}
