package ai.boinc.transformers.tokenizers.pretokenizers;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The reference's "split on a char predicate": every code point that passes the test is one
 * delimiter match, in the {@code [start0, end0, start1, end1, ...]} form of {@link
 * SplitDelimiterBehavior#split} (UTF-16 indices).
 */
final class CodePointMatches {
  private CodePointMatches() {}

  static int[] of(String text, IntPredicate isDelimiter) {
    int[] out = null;
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isDelimiter.test(cp)) {
        if (out == null) {
          out = new int[16];
        } else if (n == out.length) {
          out = Arrays.copyOf(out, 2 * n);
        }
        out[n++] = i;
        out[n++] = next;
      }
      i = next;
    }
    return out == null ? new int[0] : Arrays.copyOf(out, n);
  }
}
