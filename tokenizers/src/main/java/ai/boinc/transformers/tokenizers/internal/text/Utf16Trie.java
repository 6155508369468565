package ai.boinc.transformers.tokenizers.internal.text;

import java.util.Arrays;

/**
 * A trie over UTF-16 units mapping strings to non-negative int values, for the longest-match and
 * all-prefixes searches of WordPiece and Unigram. Built once, then read-only: safe to share
 * between threads after safe publication; a search allocates nothing.
 *
 * <p>Layout: one {@code int[]} holds every node as a record {@code [value, k, k labels sorted, k
 * child offsets]}, a node being the offset of its record. Records are laid out depth first, so a
 * node's first child follows it and a chain of single children is read sequentially: a step of a
 * search reads one record (usually one cache line), where separate arrays or a hash table would
 * cost a cache miss each. The root's children are also found through a table indexed by unit.
 */
public final class Utf16Trie {
  /** Marks a node that ends no key, and a missing child. */
  public static final int NONE = -1;

  /** Children scanned one by one up to this many; more are binary searched. */
  private static final int LINEAR = 8;

  /** The root's child for each unit below its length, or NONE. */
  private final int[] rootChildren;
  /** The node records (see the class comment); the root is at 0. */
  private final int[] data;

  private Utf16Trie(int[] rootChildren, int[] data) {
    this.rootChildren = rootChildren;
    this.data = data;
  }

  /**
   * Collects keys into a temporary trie (children found through a hash of {@code (node, unit)},
   * listed per node for the layout); a key added again keeps its last value. Not thread-safe.
   */
  public static final class Builder {
    private long[] edgeKeys;
    private int[] edgeChildren;
    private int edges;
    private int nodes = 1;
    private int[] values = new int[64];
    private char[] labels = new char[64];
    private int[] firstChild = new int[64];
    private int[] nextSibling = new int[64];

    /** @param totalKeyLength the sum of the keys' lengths (a sizing hint) */
    public Builder(int totalKeyLength) {
      int capacity = Integer.highestOneBit(Math.max(16, Math.min(totalKeyLength, 1 << 24)) * 2);
      edgeKeys = new long[capacity];
      edgeChildren = new int[capacity];
      Arrays.fill(edgeKeys, -1L);
      values[0] = NONE;
      firstChild[0] = NONE;
    }

    /** Adds {@code key} (non-empty) with {@code value} (non-negative). */
    public Builder add(CharSequence key, int value) {
      if (key.length() == 0) {
        return this;
      }
      if (value < 0) {
        throw new IllegalArgumentException("negative value " + value);
      }
      int node = 0;
      for (int i = 0; i < key.length(); i++) {
        node = childOrNew(node, key.charAt(i));
      }
      values[node] = value;
      return this;
    }

    private int childOrNew(int node, char unit) {
      long k = ((long) node << 16) | unit;
      int mask = edgeKeys.length - 1;
      int i = slot(k, mask);
      while (edgeKeys[i] != -1L) {
        if (edgeKeys[i] == k) {
          return edgeChildren[i];
        }
        i = (i + 1) & mask;
      }
      int child = nodes++;
      if (child == values.length) {
        int n = 2 * child;
        values = Arrays.copyOf(values, n);
        labels = Arrays.copyOf(labels, n);
        firstChild = Arrays.copyOf(firstChild, n);
        nextSibling = Arrays.copyOf(nextSibling, n);
      }
      values[child] = NONE;
      labels[child] = unit;
      firstChild[child] = NONE;
      nextSibling[child] = firstChild[node];
      firstChild[node] = child;
      edgeKeys[i] = k;
      edgeChildren[i] = child;
      if (++edges > (edgeKeys.length >> 1)) {
        grow();
      }
      return child;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
      long[] oldKeys = edgeKeys;
      int[] oldChildren = edgeChildren;
      edgeKeys = new long[2 * oldKeys.length];
      edgeChildren = new int[edgeKeys.length];
      Arrays.fill(edgeKeys, -1L);
      int mask = edgeKeys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != -1L) {
          int i = slot(oldKeys[j], mask);
          while (edgeKeys[i] != -1L) {
            i = (i + 1) & mask;
          }
          edgeKeys[i] = oldKeys[j];
          edgeChildren[i] = oldChildren[j];
        }
      }
    }

    /**
     * Lays the records out depth first; children are sorted by unit and pushed last first, so
     * the first is laid out right after its parent.
     */
    public Utf16Trie build() {
      int[] data = new int[Math.max(2, 4 * nodes)];
      int size = 0;
      // Pending nodes: the temporary node, the slot of its parent's record to point at it.
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = 0;
      stack[top++] = -1;
      long[] children = new long[16];
      while (top > 0) {
        int parentSlot = stack[--top];
        int v = stack[--top];
        int count = 0;
        for (int c = firstChild[v]; c != NONE; c = nextSibling[c]) {
          if (count == children.length) {
            children = Arrays.copyOf(children, 2 * count);
          }
          children[count++] = ((long) labels[c] << 32) | c;
        }
        Arrays.sort(children, 0, count);
        int node = size;
        data[node] = values[v];
        data[node + 1] = count;
        for (int g = 0; g < count; g++) {
          data[node + 2 + g] = (int) (children[g] >>> 32);
        }
        size += 2 + 2 * count;
        if (parentSlot >= 0) {
          data[parentSlot] = node;
        }
        if (top + 2 * count > stack.length) {
          stack = Arrays.copyOf(stack, Math.max(top + 2 * count, 2 * stack.length));
        }
        for (int g = count - 1; g >= 0; g--) {
          stack[top++] = (int) children[g];
          stack[top++] = node + 2 + count + g;
        }
      }
      int rootCount = data[1];
      int[] rootChildren = new int[rootCount == 0 ? 0 : data[2 + rootCount - 1] + 1];
      Arrays.fill(rootChildren, NONE);
      for (int g = 0; g < rootCount; g++) {
        rootChildren[data[2 + g]] = data[2 + rootCount + g];
      }
      return new Utf16Trie(rootChildren, Arrays.copyOf(data, size));
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
    int[] d = data;
    int k = d[node + 1];
    int lo = node + 2;
    if (k <= LINEAR) {
      for (int i = lo, end = lo + k; i < end; i++) {
        int l = d[i];
        if (l == unit) {
          return d[i + k];
        }
        if (l > unit) {
          return NONE;
        }
      }
      return NONE;
    }
    int hi = lo + k - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int l = d[mid];
      if (l < unit) {
        lo = mid + 1;
      } else if (l > unit) {
        hi = mid - 1;
      } else {
        return d[mid + k];
      }
    }
    return NONE;
  }

  /** The value of the key that ends at {@code node}, or {@link #NONE}. */
  public int value(int node) {
    return data[node];
  }

  /** The value of {@code key}, or {@link #NONE} if it is not a key. */
  public int get(CharSequence key) {
    int node = 0;
    for (int i = 0; i < key.length() && node != NONE; i++) {
      node = child(node, key.charAt(i));
    }
    return node == NONE ? NONE : data[node];
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
      if (data[node] != NONE) {
        best = ((long) (i + 1) << 32) | data[node];
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
      if (data[node] != NONE) {
        sink.found(i + 1, data[node]);
      }
    }
  }

  /** Receives the keys {@link #prefixes} finds. */
  @FunctionalInterface
  public interface PrefixSink {
    void found(int end, int value);
  }
}
