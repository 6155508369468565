package ai.boinc.transformers.tokenizers.models.bpe;

/**
 * The merges again, packed for the merge loop of byte-level words: pair and rank in one long a
 * slot (21 bits each for the two ids and the rank), so the table is half of {@link
 * LongLongMap}'s size and more of it stays in the CPU's cache; the merged id is read by rank only
 * for the merge made. Immutable.
 */
final class PairRanks {
  private static final int BITS = 21;
  private static final long MASK = (1L << BITS) - 1;

  private final long[] table;
  private final int mask;
  private final int[] mergedIds;

  private PairRanks(long[] table, int[] mergedIds) {
    this.table = table;
    this.mask = table.length - 1;
    this.mergedIds = mergedIds;
  }

  /** The merges of {@code merges} ({@code rank << 32 | id} by id pair), or null if some id or rank does not fit. */
  static PairRanks of(LongLongMap merges, int mergeCount) {
    if (mergeCount >= 1 << BITS) {
      return null;
    }
    // At most half full: most look-ups are of pairs without a merge, and a miss probes on to an
    // empty slot.
    long[] table = new long[Integer.highestOneBit(Math.max(2, merges.size()) * 2 - 1) << 1];
    int mask = table.length - 1;
    int[] mergedIds = new int[mergeCount];
    boolean[] fits = {true};
    merges.forEach(
        (pair, merge) -> {
          int left = (int) (pair >>> 32);
          int right = (int) pair;
          int rank = (int) (merge >>> 32);
          int id = (int) merge;
          if (left >>> BITS != 0 || right >>> BITS != 0 || rank >= mergeCount) {
            fits[0] = false;
            return;
          }
          mergedIds[rank] = id;
          long key = (long) left << BITS | right;
          // Rank + 1, so that no entry is 0 (an empty slot).
          long entry = key << BITS | (rank + 1);
          for (int s = slot(key, mask); ; s = (s + 1) & mask) {
            if (table[s] == 0) {
              table[s] = entry;
              return;
            }
          }
        });
    return fits[0] ? new PairRanks(table, mergedIds) : null;
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  /** Rank of the merge of {@code left} and {@code right}, or {@link Integer#MAX_VALUE} if none. */
  int rank(int left, int right) {
    long key = (long) left << BITS | right;
    long[] t = table;
    for (int s = slot(key, mask); ; s = (s + 1) & mask) {
      long e = t[s];
      if (e >>> BITS == key) {
        return (int) (e & MASK) - 1;
      }
      if (e == 0) {
        return Integer.MAX_VALUE;
      }
    }
  }

  /** The token the merge of rank {@code rank} makes. */
  int mergedId(int rank) {
    return mergedIds[rank];
  }
}
