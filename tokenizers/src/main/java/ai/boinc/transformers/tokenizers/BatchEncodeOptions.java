package ai.boinc.transformers.tokenizers;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Options of one {@link ModelTokenizer#batchEncode} call, as the options of a Transformers.js
 * {@code tokenizer(texts, {...})} call: special tokens, padding, truncation and maximum length.
 * Nothing is padded or truncated unless asked. Immutable and thread-safe.
 *
 * <pre>{@code
 * BatchEncodeOptions options =
 *     BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).truncation(true).build();
 * }</pre>
 *
 * <p>The rules are Transformers.js's ({@code PreTrainedTokenizer._call}); where they differ from
 * Python transformers it is said below.
 */
public final class BatchEncodeOptions {
  /** How rows are padded. */
  public enum PaddingStrategy {
    /** No padding (the default); rows keep their own lengths. */
    NONE,
    /**
     * To the longest row of the call, but not beyond the maximum length ({@link #maxLength()}, else
     * {@code model_max_length}).
     */
    LONGEST,
    /** To the maximum length ({@link #maxLength()}, else {@code model_max_length}). */
    MAX_LENGTH
  }

  private static final BatchEncodeOptions DEFAULTS = newBuilder().build();

  private final boolean addSpecialTokens;
  private final PaddingStrategy padding;
  private final int padToMultipleOf;
  /** Null: not said (Transformers.js's {@code truncation: null}). */
  private final Boolean truncation;
  private final int maxLength;
  private final int stride;
  private final boolean returnOverflowingTokens;

  private BatchEncodeOptions(Builder b) {
    this.addSpecialTokens = b.addSpecialTokens;
    this.padding = b.padding;
    this.padToMultipleOf = b.padToMultipleOf;
    this.truncation = b.truncation;
    this.maxLength = b.maxLength;
    this.stride = b.stride;
    this.returnOverflowingTokens = b.returnOverflowingTokens;
  }

  /** Special tokens added; no padding, no truncation. */
  public static BatchEncodeOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  public Builder toBuilder() {
    Builder b =
        newBuilder()
            .addSpecialTokens(addSpecialTokens)
            .padding(padding)
            .padToMultipleOf(padToMultipleOf)
            .stride(stride)
            .returnOverflowingTokens(returnOverflowingTokens);
    b.truncation = truncation;
    b.maxLength = maxLength;
    return b;
  }

  public boolean addSpecialTokens() {
    return addSpecialTokens;
  }

  public PaddingStrategy padding() {
    return padding;
  }

  /** Padded lengths are rounded up to a multiple of this; 0 for none. */
  public int padToMultipleOf() {
    return padToMultipleOf;
  }

  /**
   * Whether rows are cut to the maximum length. When not said: on if a {@link #maxLength()} is
   * given without padding (Transformers.js's rule) or overflowing tokens are asked, else off.
   */
  public boolean truncates() {
    if (truncation != null) {
      return truncation;
    }
    return (maxLength >= 0 && padding == PaddingStrategy.NONE) || returnOverflowingTokens;
  }

  /** Whether {@link Builder#truncation(boolean)} was called. */
  public boolean truncationSaid() {
    return truncation != null;
  }

  /** The maximum length of this call; empty for the model's {@code model_max_length}. */
  public OptionalInt maxLength() {
    return maxLength < 0 ? OptionalInt.empty() : OptionalInt.of(maxLength);
  }

  /** Tokens each overflowing window repeats from the one before it. */
  public int stride() {
    return stride;
  }

  /** Whether the parts cut off become rows of their own. */
  public boolean returnOverflowingTokens() {
    return returnOverflowingTokens;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BatchEncodeOptions)) {
      return false;
    }
    BatchEncodeOptions x = (BatchEncodeOptions) o;
    return addSpecialTokens == x.addSpecialTokens
        && padding == x.padding
        && padToMultipleOf == x.padToMultipleOf
        && Objects.equals(truncation, x.truncation)
        && maxLength == x.maxLength
        && stride == x.stride
        && returnOverflowingTokens == x.returnOverflowingTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        addSpecialTokens, padding, padToMultipleOf, truncation, maxLength, stride,
        returnOverflowingTokens);
  }

  @Override
  public String toString() {
    return "BatchEncodeOptions{addSpecialTokens=" + addSpecialTokens + ", padding=" + padding
        + (padToMultipleOf > 0 ? ", padToMultipleOf=" + padToMultipleOf : "")
        + ", truncation=" + (truncation == null ? "unsaid" : truncation)
        + (maxLength >= 0 ? ", maxLength=" + maxLength : "")
        + (stride > 0 ? ", stride=" + stride : "")
        + (returnOverflowingTokens ? ", returnOverflowingTokens" : "") + "}";
  }

  /** Builds {@link BatchEncodeOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean addSpecialTokens = true;
    private PaddingStrategy padding = PaddingStrategy.NONE;
    private int padToMultipleOf;
    private Boolean truncation;
    private int maxLength = -1;
    private int stride;
    private boolean returnOverflowingTokens;

    private Builder() {}

    public Builder addSpecialTokens(boolean addSpecialTokens) {
      this.addSpecialTokens = addSpecialTokens;
      return this;
    }

    public Builder padding(PaddingStrategy padding) {
      this.padding = Objects.requireNonNull(padding, "padding");
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder padToMultipleOf(int multiple) {
      this.padToMultipleOf = nonNegative(multiple, "padToMultipleOf");
      return this;
    }

    public Builder truncation(boolean truncation) {
      this.truncation = truncation;
      return this;
    }

    /** @throws IllegalArgumentException if not positive */
    public Builder maxLength(int maxLength) {
      if (maxLength <= 0) {
        throw new IllegalArgumentException("maxLength must be > 0: " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder stride(int stride) {
      this.stride = nonNegative(stride, "stride");
      return this;
    }

    public Builder returnOverflowingTokens(boolean returnOverflowingTokens) {
      this.returnOverflowingTokens = returnOverflowingTokens;
      return this;
    }

    private static int nonNegative(int value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be >= 0: " + value);
      }
      return value;
    }

    /**
     * @throws IllegalStateException if a stride or overflowing tokens are asked without
     *     truncation, which would have nothing to overflow
     */
    public BatchEncodeOptions build() {
      if ((stride > 0 || returnOverflowingTokens) && Boolean.FALSE.equals(truncation)) {
        throw new IllegalStateException(
            "stride and returnOverflowingTokens need truncation; call truncation(true)");
      }
      return new BatchEncodeOptions(this);
    }
  }
}
