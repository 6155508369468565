package ai.boinc.transformers.tokenizers;

/**
 * Padding was asked of a model tokenizer that has no pad token: its {@code tokenizer_config.json}
 * (and {@code special_tokens_map.json}) name none, as for Llama and GPT-2. The message names the
 * model and the fix: choose a pad token with {@link ModelTokenizer#withPadToken(String)} (often
 * the EOS token, which is what Transformers.js pads with in this case), or encode without padding.
 *
 * <p>Retrying does not help.
 */
public class MissingPadTokenException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String model;

  public MissingPadTokenException(String message, String model) {
    super(message);
    this.model = model;
  }

  /** The model (folder or repository) whose tokenizer has no pad token. */
  public String model() {
    return model;
  }
}
