package ai.boinc.transformers.templates;

/** The template text is not valid Jinja: thrown by {@link ChatTemplate#compile(String)}. */
public final class TemplateSyntaxException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String detail;

  /**
   * @param detail what is wrong, without the position
   * @param line 1-based line
   * @param column 1-based column
   */
  public TemplateSyntaxException(String detail, int line, int column) {
    super(detail + " (template line " + line + ", column " + column + ")", line);
    this.column = column;
    this.detail = detail;
  }

  /** The 1-based column where the parser stopped. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position (Jinja2's wording where there is one). */
  public String detail() {
    return detail;
  }
}
