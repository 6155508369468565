package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.ArrayList;
import java.util.List;

/**
 * What a splitting pre-tokenizer does with the delimiters it finds, the reference's {@code
 * SplitDelimiterBehavior}. For delimiter {@code -} in {@code the-final--countdown}:
 *
 * <ul>
 *   <li>{@link #REMOVED}: {@code the final countdown}
 *   <li>{@link #ISOLATED}: {@code the - final - - countdown}
 *   <li>{@link #MERGED_WITH_PREVIOUS}: {@code the- final- - countdown}
 *   <li>{@link #MERGED_WITH_NEXT}: {@code the -final - -countdown}
 *   <li>{@link #CONTIGUOUS}: {@code the - final -- countdown}
 * </ul>
 */
public enum SplitDelimiterBehavior {
  REMOVED("Removed"),
  ISOLATED("Isolated"),
  MERGED_WITH_PREVIOUS("MergedWithPrevious"),
  MERGED_WITH_NEXT("MergedWithNext"),
  CONTIGUOUS("Contiguous");

  private final String jsonName;

  SplitDelimiterBehavior(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in {@code tokenizer.json}, e.g. {@code MergedWithPrevious}. */
  public String jsonName() {
    return jsonName;
  }

  /** The behavior named {@code name} in {@code tokenizer.json}, or null if there is none. */
  public static SplitDelimiterBehavior fromJsonName(String name) {
    for (SplitDelimiterBehavior b : values()) {
      if (b.jsonName.equals(name)) {
        return b;
      }
    }
    return null;
  }

  /**
   * Cuts {@code text} at the delimiters {@code matches} ({@code [start0, end0, start1, ...]}
   * into its normalized text, ordered, not overlapping; empty ones allowed) and returns the
   * pieces this behavior keeps. With {@code invert}, the matches are the pieces and the text
   * between them the delimiters. Empty pieces may be returned; callers drop them.
   */
  public List<NormalizedString> split(NormalizedString text, int[] matches, boolean invert) {
    int len = text.length();
    List<NormalizedString> out = new ArrayList<>();
    if (len == 0) {
      return out;
    }
    // Spans covering the whole text: start, end, isDelimiter.
    int[] spans = new int[3 * (matches.length + 1)];
    int n = 0;
    int prev = 0;
    for (int i = 0; i < matches.length; i += 2) {
      if (matches[i] != prev) {
        spans[n++] = prev;
        spans[n++] = matches[i];
        spans[n++] = invert ? 1 : 0;
      }
      if (n + 3 > spans.length) {
        spans = java.util.Arrays.copyOf(spans, 2 * spans.length + 6);
      }
      spans[n++] = matches[i];
      spans[n++] = matches[i + 1];
      spans[n++] = invert ? 0 : 1;
      prev = matches[i + 1];
      if (n + 3 > spans.length) {
        spans = java.util.Arrays.copyOf(spans, 2 * spans.length + 6);
      }
    }
    if (prev != len) {
      spans[n++] = prev;
      spans[n++] = len;
      spans[n++] = invert ? 1 : 0;
    }
    int count = n / 3;
    switch (this) {
      case ISOLATED:
        for (int i = 0; i < count; i++) {
          out.add(text.slice(spans[3 * i], spans[3 * i + 1]));
        }
        break;
      case REMOVED:
        for (int i = 0; i < count; i++) {
          if (spans[3 * i + 2] == 0) {
            out.add(text.slice(spans[3 * i], spans[3 * i + 1]));
          }
        }
        break;
      case CONTIGUOUS:
      case MERGED_WITH_PREVIOUS: {
        List<int[]> acc = new ArrayList<>();
        boolean previousMatch = false;
        for (int i = 0; i < count; i++) {
          boolean isMatch = spans[3 * i + 2] == 1;
          boolean merge =
              this == CONTIGUOUS ? isMatch == previousMatch : isMatch && !previousMatch;
          if (merge && !acc.isEmpty()) {
            acc.get(acc.size() - 1)[1] = spans[3 * i + 1];
          } else {
            acc.add(new int[] {spans[3 * i], spans[3 * i + 1]});
          }
          previousMatch = isMatch;
        }
        for (int[] a : acc) {
          out.add(text.slice(a[0], a[1]));
        }
        break;
      }
      case MERGED_WITH_NEXT: {
        List<int[]> acc = new ArrayList<>();
        boolean previousMatch = false;
        for (int i = count - 1; i >= 0; i--) {
          boolean isMatch = spans[3 * i + 2] == 1;
          if (isMatch && !previousMatch && !acc.isEmpty()) {
            acc.get(acc.size() - 1)[0] = spans[3 * i];
          } else {
            acc.add(new int[] {spans[3 * i], spans[3 * i + 1]});
          }
          previousMatch = isMatch;
        }
        for (int i = acc.size() - 1; i >= 0; i--) {
          out.add(text.slice(acc.get(i)[0], acc.get(i)[1]));
        }
        break;
      }
      default:
        throw new AssertionError(this);
    }
    return out;
  }
}
