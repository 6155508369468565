package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizer.Tokenizer;
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
}
