package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.Optional;

/**
 * A {@link Tokenizer} loaded from a Hugging Face {@code tokenizer.json}, with the folder's {@code
 * tokenizer_config.json} when there was one.
 *
 * <p>Encoding follows the reference library: offsets are UTF-16 indices into the text given;
 * unpaired surrogates in the input are treated as U+FFFD (encoding never fails on them).
 * Immutable and thread-safe.
 */
public interface PretrainedTokenizer extends Tokenizer {
  /** The parsed {@code tokenizer_config.json}, if the tokenizer was loaded with one. */
  Optional<TokenizerConfig> config();

  /**
   * The truncation every encode applies unless its {@link
   * ai.boinc.transformers.tokenizer.EncodeOptions} say otherwise ({@code tokenizer.json}'s {@code
   * truncation}).
   */
  default Optional<Truncation> truncation() {
    return Optional.empty();
  }

  /**
   * The padding every encode applies unless its {@link
   * ai.boinc.transformers.tokenizer.EncodeOptions} say otherwise ({@code tokenizer.json}'s {@code
   * padding}).
   */
  default Optional<Padding> padding() {
    return Optional.empty();
  }
}
