package ai.boinc.transformers.tokenizers.internal;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative {@code long} keys to {@code long} values, so BPE can look
 * merges up by a packed id pair without boxing. Filled once, then read-only: safe to share
 * between threads after safe publication.
 */
public final class LongLongMap {
  private static final long EMPTY = -1L;

  private final long[] keys;
  private final long[] values;
  private final int mask;
  private int size;

  /** A map with room for {@code expected} entries (it never grows past that). */
  public LongLongMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new long[cap];
    Arrays.fill(keys, EMPTY);
    mask = cap - 1;
  }

  public static long pack(int high, int low) {
    return ((long) high << 32) | (low & 0xFFFFFFFFL);
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Puts or overwrites; {@code key} must be non-negative. */
  public void put(long key, long value) {
    if (key < 0) {
      throw new IllegalArgumentException("negative key");
    }
    int i = hash(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      if (size + 1 > (keys.length >> 1) + (keys.length >> 2)) {
        throw new IllegalStateException("LongLongMap is full");
      }
      size++;
      keys[i] = key;
    }
    values[i] = value;
  }

  /** The value for {@code key}, or {@code missing}. */
  public long get(long key, long missing) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return missing;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }
}
