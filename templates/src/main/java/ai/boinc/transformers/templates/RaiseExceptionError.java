package ai.boinc.transformers.templates;

/**
 * The template called {@code raise_exception(message)}: it refuses the conversation (roles that
 * do not alternate, an unsupported role...). {@link #getMessage()} is exactly the template's text.
 */
public final class RaiseExceptionError extends TemplateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the template's own message
   * @param line 1-based template line of the call
   */
  public RaiseExceptionError(String message, int line) {
    super(message, line);
  }
}
