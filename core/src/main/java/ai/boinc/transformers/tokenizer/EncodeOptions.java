package ai.boinc.transformers.tokenizer;

/**
 * Options of one {@link Tokenizer#encode(String, EncodeOptions)} call. Immutable.
 *
 * <p>The defaults match the reference library: special tokens are added, and the truncation and
 * padding configured in the tokenizer itself apply.
 */
public final class EncodeOptions {
  private static final EncodeOptions DEFAULTS = new EncodeOptions(newBuilder());

  private final boolean addSpecialTokens;

  private EncodeOptions(Builder builder) {
    this.addSpecialTokens = builder.addSpecialTokens;
  }

  public static EncodeOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Shorthand for options that differ from the defaults only in {@code addSpecialTokens}. */
  public static EncodeOptions addSpecialTokens(boolean addSpecialTokens) {
    return newBuilder().addSpecialTokens(addSpecialTokens).build();
  }

  public Builder toBuilder() {
    return newBuilder().addSpecialTokens(addSpecialTokens);
  }

  /** Whether the post-processor adds its special tokens ({@code <s>}, {@code [CLS]}, ...). */
  public boolean addSpecialTokens() {
    return addSpecialTokens;
  }

  @Override
  public String toString() {
    return "EncodeOptions{addSpecialTokens=" + addSpecialTokens + "}";
  }

  /** Builds {@link EncodeOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean addSpecialTokens = true;

    private Builder() {}

    public Builder addSpecialTokens(boolean addSpecialTokens) {
      this.addSpecialTokens = addSpecialTokens;
      return this;
    }

    public EncodeOptions build() {
      return new EncodeOptions(this);
    }
  }
}
