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
  /** The merges packed for the merge loop; null when they do not fit (the general loop serves). */
  final PairRanks ranks;
  /**
   * The rank of the merge of each pair of bytes ({@code first << 8 | second}), {@link
   * Integer#MAX_VALUE} for none (null with {@link #ranks}): the first look-ups of every word, from
   * a table small enough to stay in the CPU's cache.
   */
  final int[] bytePairRanks;
  /** Words of more bytes than {@link #MAX_PACKED}, up to this many, are packed into two longs. */
  static final int MAX_PACKED_TWICE = 15;

  /** Open addressing, two longs a slot: the packed word (0 for empty) and its id. */
  private final long[] table;
  private final int mask;
  /**
   * Tokens of 8 to 15 bytes, four longs a slot (so that no slot straddles a cache line): the
   * first 8 bytes, the rest ({@link #packTail}; 0 for empty), the id, and padding.
   */
  private final long[] longer;
  private final int longerMask;
  private final MergeCache cache;

  /** Words of at most this many bytes are packed with their id into one long. */
  static final int MAX_TINY = 5;
  /** Ids below this fit beside a tiny word's 43 bits. */
  private static final int TINY_IDS = 1 << 21;

  /**
   * Tokens of at most {@link #MAX_TINY} bytes, one long a slot: length and bytes (43 bits) above
   * the id (21 bits), 0 for empty. The commonest words are this short, and at 8 bytes a slot the
   * table is small enough to stay in the CPU's cache. Null when some id does not fit.
   */
  private final long[] tiny;
  private final int tinyMask;

  private ByteWords(
      int[] byteIds,
      PairRanks ranks,
      long[] tiny,
      long[] table,
      long[] longer,
      int cacheCapacity) {
    this.byteIds = byteIds;
    this.ranks = ranks;
    if (ranks == null) {
      this.bytePairRanks = null;
    } else {
      this.bytePairRanks = new int[1 << 16];
      for (int pair = 0; pair < bytePairRanks.length; pair++) {
        bytePairRanks[pair] = ranks.rank(byteIds[pair >>> 8], byteIds[pair & 0xFF]);
      }
    }
    this.tiny = tiny;
    this.tinyMask = tiny == null ? 0 : tiny.length - 1;
    this.table = table;
    this.mask = table.length / 2 - 1;
    this.longer = longer;
    this.longerMask = longer.length / 4 - 1;
    this.cache = new MergeCache(cacheCapacity);
  }

  /**
   * The byte view of {@code index}'s vocabulary and its {@code merges} ({@code mergeCount} ranks),
   * or null if some byte has no token of its own (then words given as bytes cannot be merged
   * without unknown or fallback tokens).
   */
  static ByteWords of(TokenIndex index, LongLongMap merges, int mergeCount, int cacheCapacity) {
    int[] byteIds = new int[256];
    for (int b = 0; b < 256; b++) {
      char[] one = {ByteLevelAlphabet.charOf(b)};
      byteIds[b] = index.find(TokenIndex.hash(0, one, 0, 1), one, 0, 1, 0, 0);
      if (byteIds[b] < 0) {
        return null;
      }
    }
    // Short words, longer ones, tiny ones, and the largest id.
    int[] counts = new int[4];
    index.forEachToken(
        (text, start, end, id) -> {
          int len = end - start;
          if (len <= MAX_TINY) {
            counts[2]++;
          } else if (len <= MAX_PACKED_TWICE) {
            counts[len <= MAX_PACKED ? 0 : 1]++;
          }
          counts[3] = Math.max(counts[3], id);
        });
    boolean tinyIds = counts[3] < TINY_IDS;
    long[] tiny = tinyIds ? new long[tableSlots(counts[2])] : null;
    int tinyMask = tinyIds ? tiny.length - 1 : 0;
    int slots = tableSlots(counts[0] + (tinyIds ? 0 : counts[2]));
    long[] table = new long[2 * slots];
    int mask = slots - 1;
    int longerSlots = tableSlots(counts[1]);
    long[] longer = new long[4 * longerSlots];
    int longerMask = longerSlots - 1;
    int[] bytes = new int[MAX_PACKED_TWICE];
    index.forEachToken(
        (text, start, end, id) -> {
          int len = end - start;
          if (len > MAX_PACKED_TWICE) {
            return;
          }
          for (int i = 0; i < len; i++) {
            bytes[i] = ByteLevelAlphabet.byteOf(text[start + i]);
            if (bytes[i] < 0) {
              // Not a byte string: no word given as bytes can be this token.
              return;
            }
          }
          if (len <= MAX_TINY && tinyIds) {
            long word = tinyWord(pack(bytes, 0, len));
            for (int s = slot(word, tinyMask); ; s = (s + 1) & tinyMask) {
              if (tiny[s] == 0 || tiny[s] >>> 21 == word) {
                tiny[s] = word << 21 | id;
                return;
              }
            }
          }
          if (len <= MAX_PACKED) {
            long key = pack(bytes, 0, len);
            for (int s = slot(key, mask); ; s = (s + 1) & mask) {
              if (table[2 * s] == 0 || table[2 * s] == key) {
                table[2 * s] = key;
                table[2 * s + 1] = id;
                return;
              }
            }
          }
          long head = packHead(bytes, 0);
          long tail = packTail(bytes, 0, len);
          for (int s = slot(head ^ tail, longerMask); ; s = (s + 1) & longerMask) {
            if (longer[4 * s + 1] == 0 || (longer[4 * s] == head && longer[4 * s + 1] == tail)) {
              longer[4 * s] = head;
              longer[4 * s + 1] = tail;
              longer[4 * s + 2] = id;
              return;
            }
          }
        });
    return new ByteWords(
        byteIds, PairRanks.of(merges, mergeCount), tiny, table, longer, cacheCapacity);
  }

  /** At most half full, so that probes stay short. */
  private static int tableSlots(int entries) {
    return Integer.highestOneBit(Math.max(2, entries) * 2 - 1) << 1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  /** The first 8 bytes from {@code from}, packed. */
  static long packHead(int[] bytes, int from) {
    long key = 0;
    for (int i = from + 7; i >= from; i--) {
      key = key << 8 | bytes[i];
    }
    return key;
  }

  /**
   * Bytes 8 onwards of {@code bytes[from, to)} (8 to 15 bytes), packed with their count and a
   * high bit, so that even an 8-byte word's tail is not 0 (an empty slot).
   */
  static long packTail(int[] bytes, int from, int to) {
    return pack(bytes, from + 8, to) | Long.MIN_VALUE;
  }

  /**
   * Id of the token of 8 to 15 bytes whose first 8 bytes {@code head} packs and the rest {@code
   * tail} ({@link #pack}), or -1.
   */
  int find(long head, long tail) {
    long[] t = longer;
    for (int s = slot(head ^ tail, longerMask); ; s = (s + 1) & longerMask) {
      long k = t[4 * s + 1];
      if (k == tail && t[4 * s] == head) {
        return (int) t[4 * s + 2];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** The packed key of {@code bytes[from, to)}, at most {@link #MAX_PACKED} bytes (0..255 each). */
  static long pack(int[] bytes, int from, int to) {
    long key = 0;
    for (int i = to - 1; i >= from; i--) {
      key = key << 8 | bytes[i];
    }
    return key | (long) (to - from) << 56;
  }

  /** A {@link #pack}ed key of at most {@link #MAX_TINY} bytes in 43 bits. */
  private static long tinyWord(long key) {
    return (key >>> 56) << 40 | (key & 0xFF_FFFF_FFFFL);
  }

  /** Id of the token whose bytes {@code key} packs ({@link #pack}), or -1. */
  int find(long key) {
    if (key >>> 56 <= MAX_TINY && tiny != null) {
      long word = tinyWord(key);
      long[] t = tiny;
      for (int s = slot(word, tinyMask); ; s = (s + 1) & tinyMask) {
        long e = t[s];
        if (e >>> 21 == word) {
          return (int) (e & (TINY_IDS - 1));
        }
        if (e == 0) {
          return -1;
        }
      }
    }
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
