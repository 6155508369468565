package ai.boinc.transformers.tokenizers.models.bpe;

/**
 * Open-addressing map from non-negative {@code long} keys to {@code long} values, so BPE can look
 * merges up by a packed id pair without boxing. Filled once, then read-only: safe to share
 * between threads after safe publication.
 */
final class LongLongMap {
  private static final long EMPTY = -1L;

  /**
   * Key at {@code 2 * slot}, value at {@code 2 * slot + 1}: a hit reads one cache line, which
   * matters to BPE, whose merge loop is mostly these look-ups.
   */
  private final long[] table;
  private final int mask;
  private int size;

  /** A map with room for {@code expected} entries (it never grows past that). */
  public LongLongMap(int expected) {
    // At most 70% full: the byte-level fast path reads PairRanks instead, and a 280k-merge
    // vocabulary's table is 8 MiB instead of 16 (less memory to fill on a cold load).
    int cap = Integer.highestOneBit(Math.max(4, (int) (expected * 10L / 7))) << 1;
    table = new long[2 * cap];
    for (int i = 0; i < table.length; i += 2) {
      table[i] = EMPTY;
    }
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
    while (table[2 * i] != EMPTY && table[2 * i] != key) {
      i = (i + 1) & mask;
    }
    if (table[2 * i] == EMPTY) {
      int cap = mask + 1;
      if (size + 1 > (cap >> 1) + (cap >> 2)) {
        throw new IllegalStateException("LongLongMap is full");
      }
      size++;
      table[2 * i] = key;
    }
    table[2 * i + 1] = value;
  }

  /** The value for {@code key}, or {@code missing}. */
  public long get(long key, long missing) {
    int i = hash(key) & mask;
    while (true) {
      long k = table[2 * i];
      if (k == key) {
        return table[2 * i + 1];
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

  /** Receives one entry. */
  @FunctionalInterface
  interface EntryVisitor {
    void entry(long key, long value);
  }

  /** Hands every entry to {@code visitor}, in no particular order. */
  void forEach(EntryVisitor visitor) {
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != EMPTY) {
        visitor.entry(table[i], table[i + 1]);
      }
    }
  }
}
