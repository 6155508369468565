package ai.boinc.transformers.tokenizers.internal.text;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.Arrays;

/**
 * Collects the {@code (character, change)} pairs of one {@link NormalizedString#transform} call,
 * the way the reference's normalizers build them: {@code 0} replaces the next old character,
 * {@code 1} inserts, {@code -n} replaces the next old character and removes the {@code n} after
 * it. Mutable, for one normalization.
 */
public final class CharChanges {
  private int[] codePoints;
  private int[] changes;
  private int size;
  private int initialRemoved;

  public CharChanges(int capacity) {
    codePoints = new int[Math.max(4, capacity)];
    changes = new int[codePoints.length];
  }

  public void add(int codePoint, int change) {
    if (size == codePoints.length) {
      codePoints = Arrays.copyOf(codePoints, 2 * size);
      changes = Arrays.copyOf(changes, 2 * size);
    }
    codePoints[size] = codePoint;
    changes[size] = change;
    size++;
  }

  /**
   * One old character is dropped: it is folded into the last character added, or counted as
   * removed before the first, as the reference's {@code filter} does.
   */
  public void remove() {
    if (size == 0) {
      initialRemoved++;
    } else {
      changes[size - 1]--;
    }
  }

  /** Number of characters added so far. */
  public int size() {
    return size;
  }

  /** Marks the last {@code count} characters added as inserted (change {@code 1}). */
  public void markLastInserted(int count) {
    for (int i = Math.max(0, size - count); i < size; i++) {
      changes[i] = 1;
    }
  }

  /** Adds {@code delta} to the change of the last character added; nothing if there is none. */
  public void addToLastChange(int delta) {
    if (size > 0) {
      changes[size - 1] += delta;
    }
  }

  /** Rewrites all of {@code text}'s normalized form with the collected characters. */
  public void applyTo(NormalizedString text) {
    text.transform(
        0,
        text.length(),
        Arrays.copyOf(codePoints, size),
        Arrays.copyOf(changes, size),
        initialRemoved);
  }
}
