package ai.boinc.transformers.templates;

/**
 * The chat request cannot be rendered, whatever the template does: an empty conversation, {@code
 * addGenerationPrompt} with {@code continueFinalMessage}, a final message the template drops, a
 * value that is not JSON-like, no template to choose. The same checks Python's {@code
 * apply_chat_template} makes, with its wording where it has one.
 */
public final class ChatTemplateUsageException extends TemplateException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and what to do */
  public ChatTemplateUsageException(String message) {
    super(message, 0);
  }
}
