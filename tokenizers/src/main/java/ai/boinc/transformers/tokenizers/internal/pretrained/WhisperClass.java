package ai.boinc.transformers.tokenizers.internal.pretrained;

/**
 * {@code WhisperTokenizer}: the model tokenizer is a {@link
 * ai.boinc.transformers.tokenizers.WhisperTokenizer} (decoder prompt, timestamp decoding).
 */
final class WhisperClass implements TokenizerClass {
  @Override
  public String name() {
    return "WhisperTokenizer";
  }
}
