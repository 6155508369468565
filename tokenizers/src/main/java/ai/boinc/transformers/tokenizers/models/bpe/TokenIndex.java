package ai.boinc.transformers.tokenizers.models.bpe;

import ai.boinc.transformers.tokenizers.internal.json.IntMembers;
import java.util.Arrays;
import java.util.Map;

/**
 * Token to id lookups by char range, so merges read as text need no string per token: an
 * open-addressing table of (hash, entry) longs over the vocabulary's tokens, with {@link
 * String#hashCode} hashes. Immutable.
 */
final class TokenIndex {
  private final int[] ids;
  private final long[] table;
  private final int shift;
  /** The tokens' text end to end, token k at {@code [starts[k], starts[k + 1])}: compared as
   * chars in one loop, not through String calls, which are slow before the JIT has compiled them. */
  private final char[] text;
  private final int[] starts;
  /** Number of distinct tokens (entries minus repeats). */
  private final int size;
  /** Number of entries; {@code starts} may be longer than {@code entries + 1}. */
  private final int entries;

  TokenIndex(Map<String, Integer> vocab) {
    this(Layout.of(vocab.keySet().toArray(new String[0]), null, vocab.size(), vocab));
  }

  /**
   * The tokens of a vocabulary object in document order, with the text and hashes the reader
   * made as it read them; a repeated token keeps its last id, as in a map.
   */
  TokenIndex(IntMembers members) {
    this(Layout.of(members));
  }

  /** Tokens {@code tokens[k]} with id {@code ids[k]}; a repeated token keeps its last id. */
  TokenIndex(String[] tokens, int[] ids) {
    this(Layout.of(tokens, ids, tokens.length, null));
  }

  private TokenIndex(Layout layout) {
    char[] text = layout.text;
    int[] starts = layout.starts;
    int[] hashes = layout.hashes;
    int n = layout.count;
    this.entries = n;
    this.text = text;
    this.starts = starts;
    this.ids = layout.ids;
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(2, n * 2 - 1));
    long[] table = new long[1 << bits];
    this.table = table;
    shift = 32 - bits;
    int mask = table.length - 1;
    int repeats = 0;
    // One loop over ints, no String touched: it runs 100k-200k times per load, mostly before the
    // JIT has compiled it.
    for (int k = 0; k < n; k++) {
      int h = hashes[k];
      int slot = slot(h);
      long entry;
      while ((entry = table[slot]) != 0) {
        if ((int) (entry >>> 32) == h && sameText((int) entry - 1, k)) {
          // A repeated token: the later entry (and its id) wins.
          repeats++;
          break;
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = ((long) h << 32) | (k + 1);
    }
    size = n - repeats;
  }

  /** Whether entries {@code j} and {@code k} hold the same text. */
  private boolean sameText(int j, int k) {
    int a = starts[j];
    int b = starts[k];
    int length = starts[j + 1] - a;
    if (starts[k + 1] - b != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text[a + i] != text[b + i]) {
        return false;
      }
    }
    return true;
  }

  /** The entries' text end to end, where each starts, their hashes and ids. */
  private static final class Layout {
    final char[] text;
    final int[] starts;
    final int[] hashes;
    final int[] ids;
    final int count;

    private Layout(char[] text, int[] starts, int[] hashes, int[] ids, int count) {
      this.text = text;
      this.starts = starts;
      this.hashes = hashes;
      this.ids = ids;
      this.count = count;
    }

    /** The reader's arrays as they are: a trimmed copy would cost more than their slack. */
    static Layout of(IntMembers members) {
      return new Layout(
          members.text(), members.starts(), members.hashes(), members.values(), members.count());
    }

    /** {@code ids} null: looked up in {@code vocab}. */
    static Layout of(String[] tokens, int[] ids, int n, Map<String, Integer> vocab) {
      int[] starts = new int[n + 1];
      int[] hashes = new int[n];
      int length = 0;
      for (int k = 0; k < n; k++) {
        starts[k] = length;
        length += tokens[k].length();
        hashes[k] = tokens[k].hashCode();
      }
      starts[n] = length;
      char[] text = new char[length];
      for (int k = 0; k < n; k++) {
        tokens[k].getChars(0, starts[k + 1] - starts[k], text, starts[k]);
      }
      if (ids == null) {
        ids = new int[n];
        for (int k = 0; k < n; k++) {
          ids[k] = vocab.get(tokens[k]);
        }
      }
      return new Layout(text, starts, hashes, ids, n);
    }
  }

  /** Number of distinct tokens (a repeated token counts once). */
  int size() {
    return size;
  }

  /** Number of entries, repeated tokens counted each time: entries are numbered from 0. */
  int entries() {
    return entries;
  }

  /**
   * The id of each token that is one code point, later entries winning as in a map: BMP code
   * points (a lone surrogate counts) in the returned array, -1 where none, the others into {@code
   * astral}. Walks the index's arrays, not the token strings.
   */
  int[] codePointIds(Map<Integer, Integer> astral) {
    int[] bmp = new int[Character.MAX_VALUE + 1];
    Arrays.fill(bmp, -1);
    int n = entries;
    for (int k = 0; k < n; k++) {
      int s = starts[k];
      int length = starts[k + 1] - s;
      if (length == 1) {
        bmp[text[s]] = ids[k];
      } else if (length == 2 && Character.isHighSurrogate(text[s]) && Character.isLowSurrogate(text[s + 1])) {
        astral.put(Character.toCodePoint(text[s], text[s + 1]), ids[k]);
      }
    }
    return bmp;
  }

  /** Id of entry {@code k}. */
  int id(int k) {
    return ids[k];
  }

  /** Text of entry {@code k}, as a new string. */
  String token(int k) {
    return new String(text, starts[k], starts[k + 1] - starts[k]);
  }

  /**
   * Whether entry {@code k} holds the text {@code a[s1, e1) + a[s2, e2)}: when no token repeats,
   * a cheaper check than a look-up for a caller that can guess which entry it wants.
   */
  boolean entryHolds(int k, char[] a, int s1, int e1, int s2, int e2) {
    int j = starts[k];
    if (starts[k + 1] - j != (e1 - s1) + (e2 - s2)) {
      return false;
    }
    char[] text = this.text;
    for (int i = s1; i < e1; i++, j++) {
      if (text[j] != a[i]) {
        return false;
      }
    }
    for (int i = s2; i < e2; i++, j++) {
      if (text[j] != a[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Entry holding the token {@code a[s1, e1) + a[s2, e2)} whose hash is {@code h}, or -1: {@link
   * #find(int, char[], int, int, int, int)} for a caller that needs the entry, not only its id.
   */
  int entry(int h, char[] a, int s1, int e1, int s2, int e2) {
    int mask = table.length - 1;
    for (int slot = slot(h); ; slot = (slot + 1) & mask) {
      long entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      int k = (int) entry - 1;
      if ((int) (entry >>> 32) == h && entryHolds(k, a, s1, e1, s2, e2)) {
        return k;
      }
    }
  }

  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  /** String-compatible hash of {@code a[start, end)} continued from {@code h}. */
  static int hash(int h, char[] a, int start, int end) {
    for (int i = start; i < end; i++) {
      h = 31 * h + a[i];
    }
    return h;
  }

  /** {@link String#hashCode} of {@code s[start, end)}. */
  static int hash(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /**
   * Id of the token {@code s[start, end)} whose hash ({@link #hash(String, int, int)}) is {@code
   * h}, or -1. The probe loop repeats the one below on purpose: that one runs a million times per
   * load before the JIT compiles it, and a shared helper would be a call per probe there.
   */
  int find(int h, String s, int start, int end) {
    int len = end - start;
    int mask = table.length - 1;
    for (int slot = slot(h); ; slot = (slot + 1) & mask) {
      long entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) != h) {
        continue;
      }
      int k = (int) entry - 1;
      int j = starts[k];
      if (starts[k + 1] - j != len) {
        continue;
      }
      int i = start;
      while (i < end && text[j] == s.charAt(i)) {
        i++;
        j++;
      }
      if (i == end) {
        return ids[k];
      }
    }
  }

  /** Id of the token {@code a[s1, e1) + a[s2, e2)} whose hash is {@code h}, or -1. */
  int find(int h, char[] a, int s1, int e1, int s2, int e2) {
    int len = (e1 - s1) + (e2 - s2);
    int mask = table.length - 1;
    char[] text = this.text;
    // One loop with the comparison inline: it runs a million times per load, mostly before
    // the JIT has compiled anything.
    for (int slot = slot(h); ; slot = (slot + 1) & mask) {
      long entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) != h) {
        continue;
      }
      int k = (int) entry - 1;
      int j = starts[k];
      if (starts[k + 1] - j != len) {
        continue;
      }
      int i = s1;
      while (i < e1 && text[j] == a[i]) {
        i++;
        j++;
      }
      if (i < e1) {
        continue;
      }
      i = s2;
      while (i < e2 && text[j] == a[i]) {
        i++;
        j++;
      }
      if (i == e2) {
        return ids[k];
      }
    }
  }

  /** Receives one token: its text {@code text[start, end)} and its id. */
  @FunctionalInterface
  interface TokenVisitor {
    void token(char[] text, int start, int end, int id);
  }

  /** Hands every distinct token (with the id {@link #find} gives it) to {@code visitor}. */
  void forEachToken(TokenVisitor visitor) {
    for (long entry : table) {
      if (entry != 0) {
        int k = (int) entry - 1;
        visitor.token(text, starts[k], starts[k + 1], ids[k]);
      }
    }
  }
}
