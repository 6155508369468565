package ai.boinc.transformers.internal.json;

/**
 * Text that is not one JSON value within {@link Json}'s limits, or a value {@link Json#write} cannot
 * write. The message names the offset and what was wrong, never the text found there, so that it
 * can be shown even when the input holds a secret.
 */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  JsonException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** The offset (in chars) of the first error in the parsed text; -1 when writing failed. */
  public int offset() {
    return offset;
  }
}
