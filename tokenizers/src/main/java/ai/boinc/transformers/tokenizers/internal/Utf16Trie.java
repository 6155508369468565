package ai.boinc.transformers.tokenizers.internal;

import java.util.Arrays;

/**
 * A trie over UTF-16 units mapping strings to non-negative int values, for the longest-match and
 * all-prefixes searches of WordPiece and Unigram. Children live in one open-addressing table keyed
 * by {@code (node, char)}, so a search allocates nothing. Built once, then read-only: safe to share
 * between threads after safe publication.
 */
public final class Utf16Trie {
  /** Marks a node that ends no key. */
  public static final int NONE = -1;

  private final LongLongMap children;
  private final int[] values;
  private final boolean[] firstUnits;

  private Utf16Trie(LongLongMap children, int[] values, boolean[] firstUnits) {
    this.children = children;
    this.values = values;
    this.firstUnits = firstUnits;
  }

  /** Collects keys; a key added again keeps its last value. Not thread-safe. */
  public static final class Builder {
    private final LongLongMap children;
    private int[] values = new int[64];
    private int nodes = 1;
    private final boolean[] firstUnits = new boolean[0x10000];

    /** @param totalKeyLength the sum of the keys' lengths, an upper bound on the nodes */
    public Builder(int totalKeyLength) {
      children = new LongLongMap(Math.max(16, totalKeyLength));
      Arrays.fill(values, NONE);
    }

    /** Adds {@code key} (non-empty) with {@code value} (non-negative). */
    public Builder add(CharSequence key, int value) {
      if (key.length() == 0) {
        return this;
      }
      firstUnits[key.charAt(0)] = true;
      int node = 0;
      for (int i = 0; i < key.length(); i++) {
        long k = ((long) node << 16) | key.charAt(i);
        long child = children.get(k, -1L);
        if (child < 0) {
          child = nodes++;
          children.put(k, child);
          if (nodes > values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, 2 * old);
            Arrays.fill(values, old, values.length, NONE);
          }
        }
        node = (int) child;
      }
      values[node] = value;
      return this;
    }

    public Utf16Trie build() {
      return new Utf16Trie(children, Arrays.copyOf(values, nodes), firstUnits);
    }
  }

  /**
   * The longest key that starts at {@code start} of {@code text} and ends at or before {@code
   * end}: {@code (keyEnd << 32) | value}, or -1 if none.
   */
  public long longestMatch(CharSequence text, int start, int end) {
    if (start >= end || !firstUnits[text.charAt(start)]) {
      return -1;
    }
    int node = 0;
    long best = -1;
    for (int i = start; i < end; i++) {
      long child = children.get(((long) node << 16) | text.charAt(i), -1L);
      if (child < 0) {
        break;
      }
      node = (int) child;
      if (values[node] != NONE) {
        best = ((long) (i + 1) << 32) | values[node];
      }
    }
    return best;
  }

  /**
   * Walks from {@code start} and reports every key found, shortest first, to {@code sink} as its
   * end index and value.
   */
  public void prefixes(CharSequence text, int start, int end, PrefixSink sink) {
    if (start >= end || !firstUnits[text.charAt(start)]) {
      return;
    }
    int node = 0;
    for (int i = start; i < end; i++) {
      long child = children.get(((long) node << 16) | text.charAt(i), -1L);
      if (child < 0) {
        return;
      }
      node = (int) child;
      if (values[node] != NONE) {
        sink.found(i + 1, values[node]);
      }
    }
  }

  /** Receives the keys {@link #prefixes} finds. */
  @FunctionalInterface
  public interface PrefixSink {
    void found(int end, int value);
  }
}
