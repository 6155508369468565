package ai.boinc.transformers.tokenizers.models.bpe;

import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-level vocabulary seen as byte strings, for words given as UTF-8 bytes: the id of each
 * byte alone, and the tokens of at most {@link #MAX_PACKED} bytes in a table keyed by the bytes
 * packed into a long, so that finding a short word is one probe with no string and no second
 * memory access to compare text. Short words that are not tokens keep their merge in a bounded
 * cache with the same keys. Immutable apart from that cache; thread-safe.
 */
final class ByteWords {
  /** Words of at most this many bytes are packed into a long (7 bytes and the length). */
  static final int MAX_PACKED = 7;

  /** Id of each byte's alphabet character. */
  final int[] byteIds;
  /**
   * The merge of each pair of bytes ({@code first << 8 | second}) as {@code rank << 32 | id},
   * filled in by the model: the first look-ups of every word, from a table small enough to stay
   * in the CPU's cache rather than the full merge table.
   */
  final long[] bytePairs = new long[1 << 16];
  /** Open addressing, two longs a slot: the packed word (0 for empty) and its id. */
  private final long[] table;
  private final int mask;
  private final MergeCache cache;

  private ByteWords(int[] byteIds, long[] table, int cacheCapacity) {
    this.byteIds = byteIds;
    this.table = table;
    this.mask = table.length / 2 - 1;
    this.cache = new MergeCache(cacheCapacity);
  }

  /**
   * The byte view of {@code index}'s vocabulary, or null if some byte has no token of its own
   * (then words given as bytes cannot be merged without unknown or fallback tokens).
   */
  static ByteWords of(TokenIndex index, int cacheCapacity) {
    int[] byteIds = new int[256];
    for (int b = 0; b < 256; b++) {
      char[] one = {ByteLevelAlphabet.charOf(b)};
      byteIds[b] = index.find(TokenIndex.hash(0, one, 0, 1), one, 0, 1, 0, 0);
      if (byteIds[b] < 0) {
        return null;
      }
    }
    int slots = Integer.highestOneBit(Math.max(2, index.size()) * 2 - 1) << 1;
    long[] table = new long[2 * slots];
    int mask = slots - 1;
    index.forEachToken(
        (text, start, end, id) -> {
          if (end - start > MAX_PACKED) {
            return;
          }
          long key = 0;
          for (int i = end - 1; i >= start; i--) {
            int b = ByteLevelAlphabet.byteOf(text[i]);
            if (b < 0) {
              // Not a byte string: no word given as bytes can be this token.
              return;
            }
            key = key << 8 | b;
          }
          key |= (long) (end - start) << 56;
          for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            if (table[2 * s] == 0 || table[2 * s] == key) {
              table[2 * s] = key;
              table[2 * s + 1] = id;
              return;
            }
          }
        });
    return new ByteWords(byteIds, table, cacheCapacity);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  /** The packed key of {@code bytes[from, to)}, at most {@link #MAX_PACKED} bytes (0..255 each). */
  static long pack(int[] bytes, int from, int to) {
    long key = 0;
    for (int i = to - 1; i >= from; i--) {
      key = key << 8 | bytes[i];
    }
    return key | (long) (to - from) << 56;
  }

  /** Id of the token whose bytes {@code key} packs, or -1. */
  int find(long key) {
    long[] t = table;
    for (int s = slot(key, mask); ; s = (s + 1) & mask) {
      long k = t[2 * s];
      if (k == key) {
        return (int) t[2 * s + 1];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** The merge kept for the short word {@code key}, or null. */
  int[] cached(long key) {
    return cache.get(key);
  }

  void cache(long key, int[] merged) {
    cache.putIfAbsent(key, merged);
  }

  void clearCache() {
    cache.clear();
  }

  /**
   * {@link WordCache} for packed keys: insert-only, bounded, racy but safe (an entry has only
   * final fields, so a reader sees none or a whole one).
   */
  private static final class MergeCache {
    private final int capacity;
    private final Entry[] slots;
    private final int mask;
    private final AtomicInteger size = new AtomicInteger();

    MergeCache(int capacity) {
      this.capacity = capacity;
      int length = capacity == 0 ? 1 : Integer.highestOneBit(Math.max(2, 2 * capacity - 1)) << 1;
      this.slots = new Entry[length];
      this.mask = length - 1;
    }

    int[] get(long key) {
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        Entry e = slots[i];
        if (e == null) {
          return null;
        }
        if (e.key == key) {
          return e.value;
        }
      }
    }

    void putIfAbsent(long key, int[] value) {
      if (size.get() >= capacity) {
        return;
      }
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        Entry e = slots[i];
        if (e == null) {
          if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return;
          }
          slots[i] = new Entry(key, value);
          return;
        }
        if (e.key == key) {
          return;
        }
      }
    }

    void clear() {
      Arrays.fill(slots, null);
      size.set(0);
    }
  }

  private static final class Entry {
    final long key;
    final int[] value;

    Entry(long key, int[] value) {
      this.key = key;
      this.value = value;
    }
  }
}
