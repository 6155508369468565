package ai.boinc.transformers.templates;

/**
 * Rendering failed where Python's Jinja2 fails too: an undefined value used ({@code
 * UndefinedError}), a type error ({@code TypeError}: {@code "a" + [1]}), an unknown filter, a
 * refusal of the immutable sandbox ({@code SecurityError}) and the like.
 */
public final class TemplateRuntimeException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final String pythonType;
  private final String detail;

  /**
   * @param pythonType the exception type Python would raise, e.g. {@code TypeError}
   * @param detail Python's message
   * @param line 1-based template line, or 0 when unknown
   */
  public TemplateRuntimeException(String pythonType, String detail, int line) {
    super(pythonType + ": " + detail + (line > 0 ? " (template line " + line + ")" : ""), line);
    this.pythonType = pythonType;
    this.detail = detail;
  }

  /** The name of the exception Python would raise: {@code TypeError}, {@code UndefinedError}... */
  public String pythonType() {
    return pythonType;
  }

  /** Python's message, without the type and line. */
  public String detail() {
    return detail;
  }
}
