package ai.boinc.transformers.json;

/**
 * Text that is not one JSON value within the reader's {@link JsonLimits}, or a value {@link
 * JsonWriter} cannot write. The message names the offset and what was wrong, never the text found
 * there, so that it can be shown even when the input holds a secret.
 */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String problem;
  private final boolean limit;

  JsonException(String message, int offset) {
    this(message, offset, message, false);
  }

  private JsonException(String message, int offset, String problem, boolean limit) {
    super(message);
    this.offset = offset;
    this.problem = problem;
    this.limit = limit;
  }

  /** A malformed input at {@code offset}: "malformed JSON at offset N: problem". */
  static JsonException malformed(int offset, String problem, boolean limit) {
    return new JsonException("malformed JSON at offset " + offset + ": " + problem, offset, problem, limit);
  }

  /**
   * The offset of the first error in the parsed input (in chars for text, in bytes for bytes); -1
   * when writing failed.
   */
  public int offset() {
    return offset;
  }

  /** What was wrong, without the offset ("expected a value", "nested deeper than 64", ...). */
  public String problem() {
    return problem;
  }

  /** Whether the input broke one of the {@link JsonLimits} rather than the JSON grammar. */
  public boolean isLimit() {
    return limit;
  }
}
