package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizer.Padding;

/**
 * What one family of Transformers.js tokenizer classes does differently from its base class
 * {@code PreTrainedTokenizer}. Transformers.js 4 moved most class behaviour into the generic
 * tokenizer (decoding with an end-of-word suffix, clean-up), so what is left per class is small.
 */
interface TokenizerClass {
  /** The class name, without {@code Fast}. */
  String name();

  /** {@code padding_side} when the config sets none. */
  default Padding.Direction defaultPaddingSide() {
    return Padding.Direction.RIGHT;
  }

  /** Transformers.js's {@code return_token_type_ids}. */
  default boolean returnsTokenTypeIds() {
    return false;
  }
}
