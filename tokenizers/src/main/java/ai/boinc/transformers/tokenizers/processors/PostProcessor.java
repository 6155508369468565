package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;

/**
 * Combines the encoding of one sequence, or of a pair, into the final encoding: adds special
 * tokens, sets type ids and sequence ids.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PostProcessor {
  /** Number of special tokens {@link #process} adds to a single sequence or to a pair. */
  int addedTokens(boolean pair);

  /**
   * @param encodings one encoding, or two for a pair (tokens of the second have sequence id 1)
   * @param addSpecialTokens false to leave special tokens out (type ids still apply)
   */
  Encoding process(List<Encoding> encodings, boolean addSpecialTokens);
}
