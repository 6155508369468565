package ai.boinc.transformers.tokenizers.internal.regex;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits a {@link NormalizedString} on characters, as the reference's {@code
 * NormalizedString::split} does with a character pattern: every delimiter character is a match of
 * its own, the text between delimiters is one piece. Pieces may be empty; {@link
 * ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString#split} drops those. Stateless.
 */
public final class CharSplits {
  private CharSplits() {}

  /** Delimiters are dropped: {@code "a  b"} on spaces gives {@code a, "", b}. */
  public static List<NormalizedString> removed(NormalizedString text, IntPredicate delimiter) {
    return split(text, delimiter, 0);
  }

  /** Delimiters become pieces of their own: {@code "a,b"} on commas gives {@code a , b}. */
  public static List<NormalizedString> isolated(NormalizedString text, IntPredicate delimiter) {
    return split(text, delimiter, 1);
  }

  /**
   * Each delimiter starts a piece: {@code "▁a▁▁b"} on {@code ▁} gives {@code ▁a ▁ ▁b}; a delimiter
   * followed by another delimiter stands alone.
   */
  public static List<NormalizedString> mergedWithNext(
      NormalizedString text, IntPredicate delimiter) {
    return split(text, delimiter, 2);
  }

  private static List<NormalizedString> split(
      NormalizedString text, IntPredicate delimiter, int behavior) {
    String s = text.normalized();
    int n = s.length();
    List<NormalizedString> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    int pieceStart = 0;
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (delimiter.test(cp)) {
        switch (behavior) {
          case 0:
            if (pieceStart < i) {
              out.add(text.slice(pieceStart, i));
            }
            pieceStart = next;
            break;
          case 1:
            if (pieceStart < i) {
              out.add(text.slice(pieceStart, i));
            }
            out.add(text.slice(i, next));
            pieceStart = next;
            break;
          default:
            // The delimiter opens the next piece; a run before it closes here.
            if (pieceStart < i) {
              out.add(text.slice(pieceStart, i));
            }
            pieceStart = i;
            if (next < n && delimiter.test(s.codePointAt(next))) {
              out.add(text.slice(i, next));
              pieceStart = next;
            }
            break;
        }
      }
      i = next;
    }
    if (pieceStart < n) {
      out.add(text.slice(pieceStart, n));
    }
    return out;
  }
}
