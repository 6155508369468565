package ai.boinc.transformers.tokenizers.internal.pretrained;

/**
 * Transformers.js's {@code PreTrainedTokenizer} as it is: the behaviour of every class that
 * overrides nothing (GPT-2, RoBERTa, CLIP, T5, Qwen2, Gemma, Code Llama, ...) and of unknown ones.
 */
final class GenericClass implements TokenizerClass {
  private final String name;

  GenericClass(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }
}
