package ai.boinc.transformers.templates;

import ai.boinc.transformers.TransformersException;

/**
 * Root of every failure of a chat template: its syntax, its rendering, its own {@code
 * raise_exception(...)}, a bound of the sandbox, or a misuse of the chat API.
 *
 * <p>Unchecked, a {@link TransformersException} like every error of the SDK: a template comes from
 * a model repository, and a caller can do little about a broken one except report it. Never
 * retryable: the same template and conversation fail the same way.
 */
public class TemplateException extends TransformersException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * @param message what went wrong
   * @param line 1-based line of the template where it went wrong, or 0 when unknown
   */
  public TemplateException(String message, int line) {
    super(message);
    this.line = line;
  }

  /** Same, with the cause. */
  public TemplateException(String message, int line, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  /** The 1-based line of the template where the failure happened, or 0 when not known. */
  public int line() {
    return line;
  }
}
