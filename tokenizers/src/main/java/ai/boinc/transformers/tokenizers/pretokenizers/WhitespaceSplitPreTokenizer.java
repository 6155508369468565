package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code WhitespaceSplit}: splits on Unicode whitespace, which is dropped. {@code " a
 * \tb "} gives {@code a b}. Immutable and thread-safe.
 */
public final class WhitespaceSplitPreTokenizer implements PreTokenizer {
  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(WhitespaceSplitPreTokenizer::words);
  }

  /**
   * The runs of non-whitespace, as {@code CharSplits.removed(piece, Text::isWhiteSpace)} gives
   * them, scanned unit by unit with the test inlined: every whitespace character is one BMP unit
   * and no surrogate is whitespace, so units and characters split alike.
   */
  static List<NormalizedString> words(NormalizedString piece) {
    String s = piece.normalized();
    int n = s.length();
    List<NormalizedString> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < n; i++) {
      if (Text.isWhiteSpace(s.charAt(i))) {
        if (start >= 0) {
          out.add(piece.slice(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      out.add(piece.slice(start, n));
    }
    return out;
  }

  @Override
  public String toString() {
    return "WhitespaceSplit";
  }
}
