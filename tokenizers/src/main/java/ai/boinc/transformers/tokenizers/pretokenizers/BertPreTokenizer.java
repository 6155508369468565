package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.BertChars;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code BertPreTokenizer}: splits on whitespace (dropped), then isolates every
 * punctuation character — ASCII punctuation and symbols, and Unicode punctuation as the
 * reference's tables define it. {@code "Hey, you!"} gives {@code Hey , you !}. Immutable and
 * thread-safe.
 *
 * <p>The reference's two splits run as one scan: the pieces are the runs of characters that are
 * neither whitespace nor punctuation, and each punctuation character alone, which is what the
 * second split makes of the first one's pieces.
 */
public final class BertPreTokenizer implements PreTokenizer {
  @Override
  public void preTokenize(PreTokenizedString text) {
    text.split((index, piece) -> split(piece));
  }

  private static List<Split> split(NormalizedString piece) {
    String s = piece.normalized();
    int n = s.length();
    List<Split> out = new ArrayList<>(n / 4 + 1);
    int wordStart = 0;
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      byte kind = BertChars.preTokenClass(c);
      int width = 1;
      if (kind == BertChars.HIGH_SURROGATE) {
        int cp = s.codePointAt(i);
        width = Character.charCount(cp);
        kind = BertChars.codePointPreTokenClass(cp);
      }
      if (kind != BertChars.WORD) {
        if (wordStart < i) {
          out.add(Split.of(piece.slice(wordStart, i)));
        }
        if (kind == BertChars.PUNCTUATION) {
          out.add(Split.of(piece.slice(i, i + width)));
        }
        wordStart = i + width;
      }
      i += width;
    }
    if (wordStart < n) {
      out.add(Split.of(piece.slice(wordStart, n)));
    }
    return out;
  }

  @Override
  public String toString() {
    return "BertPreTokenizer";
  }
}
