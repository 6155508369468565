package ai.boinc.transformers.tokenizers.internal.pipeline;

import java.util.Arrays;

/**
 * The tokens of one sequence as a fused path makes them: id, text, offsets into the original
 * text, and word index, in growable columns. Not thread-safe.
 */
final class SequenceTokens {
  private int[] ids;
  private String[] values;
  private int[] offsets;
  private int[] words;
  private int n;

  SequenceTokens(int capacity) {
    int c = Math.max(4, capacity);
    ids = new int[c];
    values = new String[c];
    offsets = new int[2 * c];
    words = new int[c];
  }

  void add(int id, String value, int start, int end, int word) {
    if (n == ids.length) {
      int c = 2 * n;
      ids = Arrays.copyOf(ids, c);
      values = Arrays.copyOf(values, c);
      offsets = Arrays.copyOf(offsets, 2 * c);
      words = Arrays.copyOf(words, c);
    }
    ids[n] = id;
    values[n] = value;
    offsets[2 * n] = start;
    offsets[2 * n + 1] = end;
    words[n++] = word;
  }

  int size() {
    return n;
  }

  /** Copies the columns into an encoding's, from token {@code at} on. */
  void copyTo(int at, int[] ids, String[] values, int[] offsets, int[] words) {
    System.arraycopy(this.ids, 0, ids, at, n);
    System.arraycopy(this.values, 0, values, at, n);
    System.arraycopy(this.offsets, 0, offsets, 2 * at, 2 * n);
    System.arraycopy(this.words, 0, words, at, n);
  }
}
