package ai.boinc.transformers.tokenizers.models.bpe;

import java.util.Arrays;

/**
 * Min-heap of pending BPE merges ordered by rank, then position — the order the reference's
 * priority queue pops them. Each entry also carries the id the merge produces. Not thread-safe;
 * one per word being merged.
 */
final class MergeQueue {
  private long[] keys = new long[16];
  private int[] newIds = new int[16];
  private int size;

  public void clear() {
    size = 0;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void push(int rank, int pos, int newId) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      newIds = Arrays.copyOf(newIds, size * 2);
    }
    long key = LongLongMap.pack(rank, pos);
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      keys[i] = keys[parent];
      newIds[i] = newIds[parent];
      i = parent;
    }
    keys[i] = key;
    newIds[i] = newId;
  }

  /** Rank of the top entry. */
  public int topRank() {
    return (int) (keys[0] >>> 32);
  }

  public int topPos() {
    return (int) keys[0];
  }

  public int topNewId() {
    return newIds[0];
  }

  public void pop() {
    size--;
    if (size == 0) {
      return;
    }
    long key = keys[size];
    int id = newIds[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && keys[child + 1] < keys[child]) {
        child++;
      }
      if (key <= keys[child]) {
        break;
      }
      keys[i] = keys[child];
      newIds[i] = newIds[child];
      i = child;
    }
    keys[i] = key;
    newIds[i] = id;
  }
}
