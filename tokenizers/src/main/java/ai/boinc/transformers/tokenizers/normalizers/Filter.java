package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Removing characters from a {@link NormalizedString} the way the reference's {@code filter}
 * does: the characters that stay keep their own alignments.
 */
final class Filter {
  private Filter() {}

  /** Removes every character for which {@code remove} holds. */
  static void removeIf(NormalizedString text, IntPredicate remove) {
    String s = text.normalized();
    int n = s.length();
    int i = 0;
    while (i < n && !remove.test(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    if (i == n) {
      return;
    }
    // From i on, rebuild: each kept char replaces itself and removes the run of removed chars
    // right after it; removed chars before the first kept one are dropped up front.
    int[] cps = new int[n - i];
    int[] changes = new int[n - i];
    int k = 0;
    int initialRemoved = 0;
    for (int j = i; j < n; ) {
      int cp = s.codePointAt(j);
      j += Character.charCount(cp);
      if (remove.test(cp)) {
        if (k == 0) {
          initialRemoved++;
        } else {
          changes[k - 1]--;
        }
      } else {
        cps[k] = cp;
        changes[k++] = 0;
      }
    }
    text.transform(i, n, Arrays.copyOf(cps, k), Arrays.copyOf(changes, k), initialRemoved);
  }

  /** Keeps only {@code [start, end)}. */
  static void keepRange(NormalizedString text, int start, int end) {
    String s = text.normalized();
    int leading = s.codePointCount(0, start);
    int trailing = s.codePointCount(end, s.length());
    int[] cps = s.substring(start, end).codePoints().toArray();
    int[] changes = new int[cps.length];
    if (cps.length > 0) {
      changes[cps.length - 1] = -trailing;
    }
    text.transform(0, s.length(), cps, changes, leading);
  }
}
