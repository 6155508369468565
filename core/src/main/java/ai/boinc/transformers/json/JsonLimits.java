package ai.boinc.transformers.json;

/** How much {@link JsonReader} reads before it refuses the input. Immutable. */
public final class JsonLimits {
  /** 64 nested containers, 64 Mi chars (or bytes) of input, strings as long as the input. */
  public static final JsonLimits DEFAULT = new JsonLimits(64, 64L * 1024 * 1024, 64 * 1024 * 1024);

  private final int maxDepth;
  private final long maxLength;
  private final int maxStringLength;

  private JsonLimits(int maxDepth, long maxLength, int maxStringLength) {
    this.maxDepth = maxDepth;
    this.maxLength = maxLength;
    this.maxStringLength = maxStringLength;
  }

  /**
   * @param maxDepth the most containers (objects and arrays) nested in one another
   * @param maxLength the longest input, in chars for text and bytes for bytes
   * @param maxStringLength the longest string value or member name, in chars
   * @throws IllegalArgumentException if a limit is not positive
   */
  public static JsonLimits of(int maxDepth, long maxLength, int maxStringLength) {
    if (maxDepth <= 0 || maxLength <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("JSON limits must be positive");
    }
    return new JsonLimits(maxDepth, maxLength, maxStringLength);
  }

  public int maxDepth() {
    return maxDepth;
  }

  public long maxLength() {
    return maxLength;
  }

  public int maxStringLength() {
    return maxStringLength;
  }

  @Override
  public String toString() {
    return "JsonLimits{depth=" + maxDepth + ", length=" + maxLength + ", string=" + maxStringLength + "}";
  }
}
