package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.CharSplits;
import ai.boinc.transformers.tokenizers.internal.Text;

/**
 * JSON type {@code WhitespaceSplit}: splits on Unicode whitespace, which is dropped. {@code " a
 * \tb "} gives {@code a b}. Immutable and thread-safe.
 */
public final class WhitespaceSplitPreTokenizer implements PreTokenizer {
  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(piece -> CharSplits.removed(piece, Text::isWhiteSpace));
  }

  @Override
  public String toString() {
    return "WhitespaceSplit";
  }
}
