package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizer.Padding;

/**
 * {@code LlamaTokenizer}: pads on the left unless the config says otherwise. Its {@code
 * add_bos_token}/{@code add_eos_token} rule is applied at load by the config applier (as Python
 * does; Transformers.js keeps {@code tokenizer.json}'s post-processor). {@code legacy} changes
 * nothing when a {@code tokenizer.json} exists, in Transformers.js and in Python's fast tokenizer.
 */
final class LlamaClass implements TokenizerClass {
  @Override
  public String name() {
    return "LlamaTokenizer";
  }

  @Override
  public Padding.Direction defaultPaddingSide() {
    return Padding.Direction.LEFT;
  }
}
