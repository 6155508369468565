package ai.boinc.transformers.tokenizers.internal.json;

import java.util.Arrays;
import java.util.List;

/**
 * A JSON array of BPE merges, each {@code "left right"} (exactly one space) or {@code ["left",
 * "right"]}, as read by {@link TokenizerJson}: the tokens' text in one char array, no string per
 * token. Read-only after reading.
 */
public final class MergeList {
  private final char[] chars;
  /** Per merge: start of the left token, start of the right token, end of the right token. */
  private final int[] bounds;
  /** Per merge: whether it was written as a pair array. */
  private final boolean[] pairs;
  private final int count;

  private MergeList(char[] chars, int[] bounds, boolean[] pairs, int count) {
    this.chars = chars;
    this.bounds = bounds;
    this.pairs = pairs;
    this.count = count;
  }

  public int count() {
    return count;
  }

  /** The text all merges point into. */
  public char[] chars() {
    return chars;
  }

  public int leftStart(int i) {
    return bounds[3 * i];
  }

  public int leftEnd(int i) {
    // A "left right" string has its space between the tokens.
    return pairs[i] ? bounds[3 * i + 1] : bounds[3 * i + 1] - 1;
  }

  public int rightStart(int i) {
    return bounds[3 * i + 1];
  }

  public int rightEnd(int i) {
    return bounds[3 * i + 2];
  }

  /** Whether merge {@code i} was written as a pair array (else as one string). */
  public boolean isPair(int i) {
    return pairs[i];
  }

  public String left(int i) {
    return new String(chars, leftStart(i), leftEnd(i) - leftStart(i));
  }

  public String right(int i) {
    return new String(chars, rightStart(i), rightEnd(i) - rightStart(i));
  }

  /** Merge {@code i} as the generic tree has it: the string, or the pair as a list. */
  Object element(int i) {
    if (pairs[i]) {
      return List.of(left(i), right(i));
    }
    return new String(chars, leftStart(i), rightEnd(i) - leftStart(i));
  }

  static final class Builder {
    private char[] chars = new char[1 << 16];
    private int used;
    private int[] bounds = new int[3 * 1024];
    private boolean[] pairs = new boolean[1024];
    private int count;

    private void room(int n) {
      if (used + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
      }
      if (3 * count + 3 > bounds.length) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
        pairs = Arrays.copyOf(pairs, pairs.length * 2);
      }
    }

    /** A merge {@code "left right"}: {@code text[0, n)} with its one space at {@code space}. */
    void add(char[] text, int n, int space, boolean pair) {
      room(n);
      System.arraycopy(text, 0, chars, used, n);
      bounds[3 * count] = used;
      bounds[3 * count + 1] = used + space + 1;
      bounds[3 * count + 2] = used + n;
      pairs[count++] = pair;
      used += n;
    }

    /** The left token of a pair; returns a mark for {@link #endPair}. */
    int beginPair(char[] text, int n) {
      room(n);
      System.arraycopy(text, 0, chars, used, n);
      int mark = used;
      used += n;
      return mark;
    }

    void endPair(int mark, char[] text, int n) {
      room(n);
      System.arraycopy(text, 0, chars, used, n);
      bounds[3 * count] = mark;
      bounds[3 * count + 1] = used;
      bounds[3 * count + 2] = used + n;
      pairs[count++] = true;
      used += n;
    }

    MergeList build() {
      return new MergeList(chars, bounds, pairs, count);
    }
  }
}
