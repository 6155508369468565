package ai.boinc.transformers.tokenizer;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one {@link Tokenizer#encode(String, EncodeOptions)} call. Immutable.
 *
 * <p>The defaults match the reference library: special tokens are added, and the truncation and
 * padding configured in the tokenizer itself apply. A call can use its own {@link Truncation} or
 * {@link Padding} instead, or none at all:
 *
 * <pre>{@code
 * EncodeOptions.newBuilder().truncation(Truncation.toMaxLength(128)).noPadding().build();
 * }</pre>
 */
public final class EncodeOptions {
  private static final EncodeOptions DEFAULTS = new EncodeOptions(newBuilder());

  private final boolean addSpecialTokens;
  private final boolean tokenizerTruncation;
  private final Truncation truncation;
  private final boolean tokenizerPadding;
  private final Padding padding;

  private EncodeOptions(Builder builder) {
    this.addSpecialTokens = builder.addSpecialTokens;
    this.tokenizerTruncation = builder.tokenizerTruncation;
    this.truncation = builder.truncation;
    this.tokenizerPadding = builder.tokenizerPadding;
    this.padding = builder.padding;
  }

  public static EncodeOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  /** Shorthand for options that differ from the defaults only in {@code addSpecialTokens}. */
  public static EncodeOptions addSpecialTokens(boolean addSpecialTokens) {
    return newBuilder().addSpecialTokens(addSpecialTokens).build();
  }

  public Builder toBuilder() {
    Builder b = newBuilder().addSpecialTokens(addSpecialTokens);
    b.tokenizerTruncation = tokenizerTruncation;
    b.truncation = truncation;
    b.tokenizerPadding = tokenizerPadding;
    b.padding = padding;
    return b;
  }

  /** Whether the post-processor adds its special tokens ({@code <s>}, {@code [CLS]}, ...). */
  public boolean addSpecialTokens() {
    return addSpecialTokens;
  }

  /** Whether the tokenizer's own truncation applies (the default), rather than {@link #truncation()}. */
  public boolean usesTokenizerTruncation() {
    return tokenizerTruncation;
  }

  /**
   * This call's own truncation when it does not use the tokenizer's: empty means none. Empty too
   * when {@link #usesTokenizerTruncation()}.
   */
  public Optional<Truncation> truncation() {
    return Optional.ofNullable(truncation);
  }

  /** The truncation that applies, given the tokenizer's own. */
  public Optional<Truncation> truncationOr(Optional<Truncation> tokenizerTruncation) {
    return this.tokenizerTruncation ? tokenizerTruncation : truncation();
  }

  /** Whether the tokenizer's own padding applies (the default), rather than {@link #padding()}. */
  public boolean usesTokenizerPadding() {
    return tokenizerPadding;
  }

  /**
   * This call's own padding when it does not use the tokenizer's: empty means none. Empty too when
   * {@link #usesTokenizerPadding()}.
   */
  public Optional<Padding> padding() {
    return Optional.ofNullable(padding);
  }

  /** The padding that applies, given the tokenizer's own. */
  public Optional<Padding> paddingOr(Optional<Padding> tokenizerPadding) {
    return this.tokenizerPadding ? tokenizerPadding : padding();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EncodeOptions)) {
      return false;
    }
    EncodeOptions e = (EncodeOptions) o;
    return addSpecialTokens == e.addSpecialTokens
        && tokenizerTruncation == e.tokenizerTruncation
        && Objects.equals(truncation, e.truncation)
        && tokenizerPadding == e.tokenizerPadding
        && Objects.equals(padding, e.padding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        addSpecialTokens, tokenizerTruncation, truncation, tokenizerPadding, padding);
  }

  @Override
  public String toString() {
    return "EncodeOptions{addSpecialTokens=" + addSpecialTokens
        + ", truncation=" + (tokenizerTruncation ? "tokenizer's" : String.valueOf(truncation))
        + ", padding=" + (tokenizerPadding ? "tokenizer's" : String.valueOf(padding)) + "}";
  }

  /** Builds {@link EncodeOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean addSpecialTokens = true;
    private boolean tokenizerTruncation = true;
    private Truncation truncation;
    private boolean tokenizerPadding = true;
    private Padding padding;

    private Builder() {}

    public Builder addSpecialTokens(boolean addSpecialTokens) {
      this.addSpecialTokens = addSpecialTokens;
      return this;
    }

    /** Truncates with {@code truncation} instead of the tokenizer's own. */
    public Builder truncation(Truncation truncation) {
      this.truncation = Objects.requireNonNull(truncation, "truncation");
      this.tokenizerTruncation = false;
      return this;
    }

    /** No truncation, even if the tokenizer has some configured. */
    public Builder noTruncation() {
      this.truncation = null;
      this.tokenizerTruncation = false;
      return this;
    }

    /** The tokenizer's own truncation, if any (the default). */
    public Builder tokenizerTruncation() {
      this.truncation = null;
      this.tokenizerTruncation = true;
      return this;
    }

    /** Pads with {@code padding} instead of the tokenizer's own. */
    public Builder padding(Padding padding) {
      this.padding = Objects.requireNonNull(padding, "padding");
      this.tokenizerPadding = false;
      return this;
    }

    /** No padding, even if the tokenizer has some configured. */
    public Builder noPadding() {
      this.padding = null;
      this.tokenizerPadding = false;
      return this;
    }

    /** The tokenizer's own padding, if any (the default). */
    public Builder tokenizerPadding() {
      this.padding = null;
      this.tokenizerPadding = true;
      return this;
    }

    public EncodeOptions build() {
      return new EncodeOptions(this);
    }
  }
}
