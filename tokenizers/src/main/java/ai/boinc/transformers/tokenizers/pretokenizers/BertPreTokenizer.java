package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.BertChars;
import ai.boinc.transformers.tokenizers.internal.CharSplits;
import ai.boinc.transformers.tokenizers.internal.Text;

/**
 * JSON type {@code BertPreTokenizer}: splits on whitespace (dropped), then isolates every
 * punctuation character — ASCII punctuation and symbols, and Unicode punctuation as the
 * reference's tables define it. {@code "Hey, you!"} gives {@code Hey , you !}. Immutable and
 * thread-safe.
 */
public final class BertPreTokenizer implements PreTokenizer {
  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(piece -> CharSplits.removed(piece, Text::isWhiteSpace));
    text.splitEach(piece -> CharSplits.isolated(piece, BertChars::isPunctuation));
  }

  @Override
  public String toString() {
    return "BertPreTokenizer";
  }
}
