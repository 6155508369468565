package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.templates.TemplateException;

/**
 * {@link ModelTokenizer#applyChatTemplate} was called on a tokenizer whose model has no chat
 * template: neither a {@code chat_template.jinja} file nor a {@code chat_template} in {@code
 * tokenizer_config.json} (base models, encoders). Pass a template's text explicitly instead.
 */
public final class MissingChatTemplateException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final String model;

  /** @param model the model's name (repository id or folder name) */
  public MissingChatTemplateException(String model) {
    super("Model '" + model + "' has no chat template: its repository has no chat_template.jinja and its "
        + "tokenizer_config.json no \"chat_template\". Pass the template text yourself with "
        + "applyChatTemplate(template, messages, options), e.g. the template of the instruct model it was "
        + "fine-tuned from.", 0);
    this.model = model;
  }

  /** The model's name (repository id or folder name). */
  public String model() {
    return model;
  }
}
