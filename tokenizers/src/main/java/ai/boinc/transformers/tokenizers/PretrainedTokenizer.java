package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.Optional;

/**
 * A {@link Tokenizer} loaded from a Hugging Face {@code tokenizer.json}. {@link Tokenizers#fromFile}
 * gives the raw layer: {@code tokenizer.json} alone, exactly the Rust library's behaviour (its own
 * truncation and padding included). {@link Tokenizers#fromDirectory} gives the model layer, the
 * richer {@link ModelTokenizer}.
 *
 * <p>Encoding follows the reference library: offsets are UTF-16 indices into the text given;
 * unpaired surrogates in the input are treated as U+FFFD (encoding never fails on them).
 * Immutable and thread-safe.
 */
public interface PretrainedTokenizer extends Tokenizer {
  /** The parsed {@code tokenizer_config.json}; empty for the raw layer. */
  Optional<TokenizerConfig> config();

  /**
   * The truncation every encode applies unless its {@link
   * ai.boinc.transformers.tokenizer.EncodeOptions} say otherwise ({@code tokenizer.json}'s {@code
   * truncation}); always empty for a {@link ModelTokenizer}.
   */
  default Optional<Truncation> truncation() {
    return Optional.empty();
  }

  /**
   * The padding every encode applies unless its {@link
   * ai.boinc.transformers.tokenizer.EncodeOptions} say otherwise ({@code tokenizer.json}'s {@code
   * padding}); always empty for a {@link ModelTokenizer}.
   */
  default Optional<Padding> padding() {
    return Optional.empty();
  }

  /**
   * The number of ids {@code encode} gives for {@code text} without truncation or padding,
   * counted without building an {@link ai.boinc.transformers.tokenizer.Encoding} where the
   * tokenizer can (the byte-level BPE path counts tokens straight from its merges): what a
   * token budget needs.
   */
  default int countTokens(String text, boolean addSpecialTokens) {
    return encode(
            text,
            EncodeOptions.builder()
                .addSpecialTokens(addSpecialTokens)
                .noTruncation()
                .noPadding()
                .build())
        .size();
  }

  /**
   * Empties the model's cache of pieces it has already split (BPE's word cache, Unigram's piece
   * cache; the other models keep none), as the reference library's {@code clear_cache} does. The
   * ids never depend on it; it frees memory, and lets a benchmark measure text never seen before.
   * Safe while other threads encode.
   */
  default void clearCache() {}
}
