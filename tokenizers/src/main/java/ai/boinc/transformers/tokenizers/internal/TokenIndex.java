package ai.boinc.transformers.tokenizers.internal;

import java.util.Map;

/**
 * Token to id lookups by char range, so merges read as text need no string per token: an
 * open-addressing table of (hash, entry) longs over the vocabulary's tokens, with {@link
 * String#hashCode} hashes. Immutable.
 */
final class TokenIndex {
  private final String[] tokens;
  private final int[] ids;
  private final long[] table;
  private final int shift;

  TokenIndex(Map<String, Integer> vocab) {
    this(vocab.keySet().toArray(new String[0]), null, vocab.size(), vocab);
  }

  /**
   * The tokens of a vocabulary object in document order; a repeated token keeps its last id, as
   * in a map.
   */
  TokenIndex(IntMembers members) {
    this(members.names(), members.values(), members.count(), null);
  }

  private TokenIndex(String[] tokens, int[] ids, int n, Map<String, Integer> vocab) {
    this.tokens = tokens;
    if (ids == null) {
      ids = new int[n];
      for (int k = 0; k < n; k++) {
        ids[k] = vocab.get(tokens[k]);
      }
    }
    this.ids = ids;
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(2, n * 2 - 1));
    table = new long[1 << bits];
    shift = 32 - bits;
    int mask = table.length - 1;
    for (int k = 0; k < n; k++) {
      String t = tokens[k];
      int h = t.hashCode();
      int slot = slot(h);
      while (true) {
        long entry = table[slot];
        if (entry == 0) {
          table[slot] = ((long) h << 32) | (k + 1);
          break;
        }
        if ((int) (entry >>> 32) == h && tokens[(int) entry - 1].equals(t)) {
          // A repeated token: the later entry (and its id) wins.
          table[slot] = ((long) h << 32) | (k + 1);
          break;
        }
        slot = (slot + 1) & mask;
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

  /** Id of the token {@code a[s1, e1) + a[s2, e2)} whose hash is {@code h}, or -1. */
  int find(int h, char[] a, int s1, int e1, int s2, int e2) {
    int len = (e1 - s1) + (e2 - s2);
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
      String t = tokens[k];
      if (t.length() == len && matches(t, a, s1, e1, s2, e2)) {
        return ids[k];
      }
    }
  }

  private static boolean matches(String t, char[] a, int s1, int e1, int s2, int e2) {
    int j = 0;
    for (int i = s1; i < e1; i++) {
      if (t.charAt(j++) != a[i]) {
        return false;
      }
    }
    for (int i = s2; i < e2; i++) {
      if (t.charAt(j++) != a[i]) {
        return false;
      }
    }
    return true;
  }
}
