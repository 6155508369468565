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
      return depthFirst(sorted, sortedValues, unique);
    }

    /**
     * Lays the records out depth first. A node is a range {@code [lo, hi)} of the sorted keys that
     * share its first {@code depth} units; a key of exactly that length is the node's own and
     * sorts first in the range. Children are pushed last first, so the first is laid out next.
     */
    private static Utf16Trie depthFirst(String[] keys, int[] keyValues, int k) {
      int[] data = new int[64];
      int size = 0;
      // Pending nodes: key range, depth, the slot of the parent record to point at the node.
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = 0;
      stack[top++] = k;
      stack[top++] = 0;
      stack[top++] = -1;
      int[] groups = new int[16];
      while (top > 0) {
        int parentSlot = stack[--top];
        int d = stack[--top];
        int hi = stack[--top];
        int lo = stack[--top];
        int value = NONE;
        if (lo < hi && keys[lo].length() == d) {
          value = keyValues[lo];
          lo++;
        }
        // Group the rest by their unit at depth d: group g is [groups[g], groups[g + 1]).
        int count = 0;
        for (int i = lo; i < hi; ) {
          char c = keys[i].charAt(d);
          int j = i + 1;
          while (j < hi && keys[j].charAt(d) == c) {
            j++;
          }
          if (count + 2 > groups.length) {
            groups = Arrays.copyOf(groups, 2 * groups.length);
          }
          groups[count++] = i;
          i = j;
        }
        if (count + 1 > groups.length) {
          groups = Arrays.copyOf(groups, 2 * groups.length);
        }
        groups[count] = hi;
        int node = size;
        int need = size + 2 + 2 * count;
        if (need > data.length) {
          data = Arrays.copyOf(data, Math.max(need, 2 * data.length));
        }
        data[node] = value;
        data[node + 1] = count;
        for (int g = 0; g < count; g++) {
          data[node + 2 + g] = keys[groups[g]].charAt(d);
        }
        size = need;
        if (parentSlot >= 0) {
          data[parentSlot] = node;
        }
        if (top + 4 * count > stack.length) {
          stack = Arrays.copyOf(stack, Math.max(top + 4 * count, 2 * stack.length));
        }
        for (int g = count - 1; g >= 0; g--) {
          stack[top++] = groups[g];
          stack[top++] = groups[g + 1];
          stack[top++] = d + 1;
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
