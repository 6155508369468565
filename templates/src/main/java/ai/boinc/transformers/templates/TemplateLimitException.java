package ai.boinc.transformers.templates;

/**
 * Rendering stopped at a bound of the sandbox ({@link TemplateLimits}): too many steps (a loop
 * that does not end), calls nested too deep, or output/strings too large. Raise the bound only for
 * a template you trust.
 */
public final class TemplateLimitException extends TemplateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which bound was reached and its value
   * @param line 1-based template line, or 0 when unknown
   */
  public TemplateLimitException(String message, int line) {
    super(message, line);
  }
}
