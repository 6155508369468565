package ai.boinc.transformers.tokenizers.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trie over UTF-16 units mapping strings to non-negative int values, for the longest-match and
 * all-prefixes searches of WordPiece and Unigram. Built once, then read-only: safe to share
 * between threads after safe publication; a search allocates nothing.
 *
 * <p>Layout: nodes are numbered breadth first, so the children of a node are consecutive numbers
 * ({@code firstChild[node]} up to {@code firstChild[node + 1]}) sorted by the unit on their edge
 * ({@code labels}). The root's children are found through a table indexed by the unit. The arrays
 * take about 10 bytes a node, so walking a word touches a few nearby cache lines rather than a
 * hash table several times the size of the cache.
 */
public final class Utf16Trie {
  /** Marks a node that ends no key, and a missing child. */
  public static final int NONE = -1;

  /** Children scanned one by one up to this many; more are binary searched. */
  private static final int LINEAR = 8;

  /** The root's child for each unit below its length, or NONE. */
  private final int[] rootChildren;
  /** Children of node v are the nodes firstChild[v] .. firstChild[v + 1] - 1. */
  private final int[] firstChild;
  /** The unit on the edge into each node; sorted among siblings. */
  private final char[] labels;
  private final int[] values;

  private Utf16Trie(int[] rootChildren, int[] firstChild, char[] labels, int[] values) {
    this.rootChildren = rootChildren;
    this.firstChild = firstChild;
    this.labels = labels;
    this.values = values;
  }

  /** Collects keys; a key added again keeps its last value. Not thread-safe. */
  public static final class Builder {
    private final List<String> keys;
    private int[] keyValues = new int[16];

    /** @param totalKeyLength the sum of the keys' lengths (a sizing hint) */
    public Builder(int totalKeyLength) {
      keys = new ArrayList<>(Math.max(16, Math.min(totalKeyLength, 1 << 20) / 4));
    }

    /** Adds {@code key} (non-empty) with {@code value} (non-negative). */
    public Builder add(CharSequence key, int value) {
      if (key.length() == 0) {
        return this;
      }
      if (value < 0) {
        throw new IllegalArgumentException("negative value " + value);
      }
      if (keys.size() == keyValues.length) {
        keyValues = Arrays.copyOf(keyValues, 2 * keyValues.length);
      }
      keyValues[keys.size()] = value;
      keys.add(key.toString());
      return this;
    }

    public Utf16Trie build() {
      int k = keys.size();
      Integer[] order = new Integer[k];
      for (int i = 0; i < k; i++) {
        order[i] = i;
      }
      // Stable sort: among equal keys the one added last comes last and wins below.
      Arrays.sort(order, Comparator.comparing(keys::get));
      String[] sorted = new String[k];
      int[] sortedValues = new int[k];
      int unique = 0;
      for (int i = 0; i < k; i++) {
        String key = keys.get(order[i]);
        if (unique > 0 && sorted[unique - 1].equals(key)) {
          sortedValues[unique - 1] = keyValues[order[i]];
        } else {
          sorted[unique] = key;
          sortedValues[unique] = keyValues[order[i]];
          unique++;
        }
      }
      return breadthFirst(sorted, sortedValues, unique);
    }

    /**
     * Numbers the nodes breadth first. A node is a range {@code [lo, hi)} of the sorted keys that
     * share its first {@code depth} units; a key of exactly that length is the node's own and
     * sorts first in the range.
     */
    private static Utf16Trie breadthFirst(String[] keys, int[] keyValues, int k) {
      int capacity = 16;
      for (int i = 0; i < k; i++) {
        capacity += keys[i].length();
      }
      int[] lo = new int[capacity];
      int[] hi = new int[capacity];
      int[] depth = new int[capacity];
      int[] firstChild = new int[capacity + 1];
      char[] labels = new char[capacity];
      int[] values = new int[capacity];
      lo[0] = 0;
      hi[0] = k;
      depth[0] = 0;
      values[0] = NONE;
      int nodes = 1;
      for (int v = 0; v < nodes; v++) {
        firstChild[v] = nodes;
        int d = depth[v];
        int i = lo[v];
        if (i < hi[v] && keys[i].length() == d) {
          values[v] = keyValues[i];
          i++;
        } else {
          values[v] = NONE;
        }
        while (i < hi[v]) {
          char c = keys[i].charAt(d);
          int j = i + 1;
          while (j < hi[v] && keys[j].charAt(d) == c) {
            j++;
          }
          lo[nodes] = i;
          hi[nodes] = j;
          depth[nodes] = d + 1;
          labels[nodes] = c;
          nodes++;
          i = j;
        }
      }
      firstChild[nodes] = nodes;
      int rootEnd = firstChild[1];
      int maxFirst = rootEnd > 1 ? labels[rootEnd - 1] : -1;
      int[] rootChildren = new int[maxFirst + 1];
      Arrays.fill(rootChildren, NONE);
      for (int c = 1; c < rootEnd; c++) {
        rootChildren[labels[c]] = c;
      }
      return new Utf16Trie(
          rootChildren,
          Arrays.copyOf(firstChild, nodes + 1),
          Arrays.copyOf(labels, nodes),
          Arrays.copyOf(values, nodes));
    }
  }

  /** The root node, where every search starts. */
  public static int root() {
    return 0;
  }

  /** The child of {@code node} along {@code unit}, or {@link #NONE}. */
  public int child(int node, char unit) {
    if (node == 0) {
      return unit < rootChildren.length ? rootChildren[unit] : NONE;
    }
    int lo = firstChild[node];
    int hi = firstChild[node + 1];
    if (hi - lo <= LINEAR) {
      for (int i = lo; i < hi; i++) {
        char l = labels[i];
        if (l == unit) {
          return i;
        }
        if (l > unit) {
          return NONE;
        }
      }
      return NONE;
    }
    hi--;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char l = labels[mid];
      if (l < unit) {
        lo = mid + 1;
      } else if (l > unit) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return NONE;
  }

  /** The value of the key that ends at {@code node}, or {@link #NONE}. */
  public int value(int node) {
    return values[node];
  }

  /** The value of {@code key}, or {@link #NONE} if it is not a key. */
  public int get(CharSequence key) {
    int node = 0;
    for (int i = 0; i < key.length() && node != NONE; i++) {
      node = child(node, key.charAt(i));
    }
    return node == NONE ? NONE : values[node];
  }

  /**
   * The longest key that starts at {@code start} of {@code text} and ends at or before {@code
   * end}: {@code (keyEnd << 32) | value}, or -1 if none.
   */
  public long longestMatch(CharSequence text, int start, int end) {
    int node = 0;
    long best = -1;
    for (int i = start; i < end; i++) {
      node = child(node, text.charAt(i));
      if (node < 0) {
        break;
      }
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
    int node = 0;
    for (int i = start; i < end; i++) {
      node = child(node, text.charAt(i));
      if (node < 0) {
        return;
      }
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
