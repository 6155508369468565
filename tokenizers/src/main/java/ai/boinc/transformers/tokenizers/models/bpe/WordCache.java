package ai.boinc.transformers.tokenizers.models.bpe;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded, insert-only cache from words to int arrays that is looked up by a range of a larger
 * text, so a hit allocates nothing (no substring, no boxed key), unlike a {@code
 * ConcurrentHashMap<String, int[]>}. Like the reference's BPE cache it never evicts: once full,
 * new words are simply not kept.
 *
 * <p>Thread-safe without locks: slots are written racily, but an {@link Entry} has only final
 * fields, so a reader sees either no entry or a complete one. Two threads inserting into the same
 * free slot at once may lose one of the entries, which only costs a later miss. Callers must not
 * change a stored array.
 */
final class WordCache {
  private final int capacity;
  private final Entry[] slots;
  private final int mask;
  private final AtomicInteger size = new AtomicInteger();

  /** @param capacity the most words kept; 0 disables the cache */
  public WordCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity < 0");
    }
    this.capacity = capacity;
    // At most half full, so probes stay short and always reach an empty slot.
    int length = capacity == 0 ? 1 : Integer.highestOneBit(Math.max(2, 2 * capacity - 1)) << 1;
    this.slots = new Entry[length];
    this.mask = length - 1;
  }

  /**
   * Hash of a word from its {@link String#hashCode}; pass it to {@link #get} and {@link
   * #putIfAbsent}.
   */
  public static int hash(int stringHash) {
    return stringHash ^ (stringHash >>> 15);
  }

  /** The array stored for the word {@code text[start, end)}, or null. */
  public int[] get(String text, int start, int end, int hash) {
    int len = end - start;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = slots[i];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && e.word.length() == len && e.word.regionMatches(0, text, start, len)) {
        return e.value;
      }
    }
  }

  /** Keeps {@code value} for {@code word} unless the cache is full or already has the word. */
  public void putIfAbsent(String word, int hash, int[] value) {
    if (size.get() >= capacity) {
      return;
    }
    int len = word.length();
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Entry e = slots[i];
      if (e == null) {
        if (size.incrementAndGet() > capacity) {
          size.decrementAndGet();
          return;
        }
        slots[i] = new Entry(word, hash, value);
        return;
      }
      if (e.hash == hash && e.word.length() == len && e.word.equals(word)) {
        return;
      }
    }
  }

  /**
   * Forgets every word. Safe while other threads encode: they see entries vanish, and a racing
   * insert may survive the clear, which only keeps one more word.
   */
  public void clear() {
    Arrays.fill(slots, null);
    size.set(0);
  }

  /** Number of words kept (an upper bound while inserts race); never more than the capacity. */
  public int size() {
    return size.get();
  }

  private static final class Entry {
    final String word;
    final int hash;
    final int[] value;

    Entry(String word, int hash, int[] value) {
      this.word = word;
      this.hash = hash;
      this.value = value;
    }
  }
}
