package ai.boinc.transformers.spark;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SparkTokenizer#transform} and the SQL functions encode: the model-tokenizer options
 * (special tokens, truncation, padding), which columns to add, and what to do with a row that
 * cannot be encoded. Immutable; serializable, since it travels to the executors.
 *
 * <p>Defaults: special tokens added, the tokenizer's own truncation, no padding, columns {@code
 * input_ids} and {@code attention_mask}, no size limit, {@link OnError#FAIL}, batches of 256 rows.
 * Padding is off unless asked for because padding to the longest row of a batch would depend on
 * how rows fall into partitions; {@link Builder#padToLength} pads every row alike.
 */
public final class TokenizeOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final TokenizeOptions DEFAULTS = newBuilder().build();

  private final boolean addSpecialTokens;
  /** 0: the tokenizer's own truncation; -1: none; else this maximum length. */
  private final int truncateTo;
  /** 0: no padding; else this fixed length. */
  private final int padTo;
  private final boolean tokenTypeIds;
  private final boolean offsets;
  private final boolean numTokens;
  private final int maxChars;
  private final OnError onError;
  private final String keyColumn;
  private final int batchSize;

  private TokenizeOptions(Builder b) {
    this.addSpecialTokens = b.addSpecialTokens;
    this.truncateTo = b.truncateTo;
    this.padTo = b.padTo;
    this.tokenTypeIds = b.tokenTypeIds;
    this.offsets = b.offsets;
    this.numTokens = b.numTokens;
    this.maxChars = b.maxChars;
    this.onError = b.onError;
    this.keyColumn = b.keyColumn;
    this.batchSize = b.batchSize;
  }

  public static TokenizeOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  /** The options each text is encoded with. */
  public EncodeOptions encodeOptions() {
    EncodeOptions.Builder b = EncodeOptions.newBuilder().addSpecialTokens(addSpecialTokens);
    if (truncateTo > 0) {
      b.truncation(Truncation.toMaxLength(truncateTo));
    } else if (truncateTo < 0) {
      b.noTruncation();
    }
    if (padTo > 0) {
      b.padding(Padding.fixed(padTo));
    } else {
      b.noPadding();
    }
    return b.build();
  }

  /** Whether the {@code token_type_ids array<int>} column is added. */
  public boolean tokenTypeIds() {
    return tokenTypeIds;
  }

  /** Whether the {@code offsets array<struct<start:int,end:int>>} column is added. */
  public boolean offsets() {
    return offsets;
  }

  /** Whether the {@code num_tokens int} column is added (padding included). */
  public boolean numTokens() {
    return numTokens;
  }

  /** Texts longer than this many chars (UTF-16 units) are not encoded. */
  public int maxChars() {
    return maxChars;
  }

  public OnError onError() {
    return onError;
  }

  /** The column whose value names a failed row in errors, if set. */
  public Optional<String> keyColumn() {
    return Optional.ofNullable(keyColumn);
  }

  /** Rows handed to one {@code encodeBatch} call. */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public String toString() {
    return "TokenizeOptions{" + encodeOptions() + ", tokenTypeIds=" + tokenTypeIds
        + ", offsets=" + offsets + ", numTokens=" + numTokens + ", maxChars=" + maxChars
        + ", onError=" + onError + ", keyColumn=" + keyColumn + ", batchSize=" + batchSize + "}";
  }

  /** Builds {@link TokenizeOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean addSpecialTokens = true;
    private int truncateTo;
    private int padTo;
    private boolean tokenTypeIds;
    private boolean offsets;
    private boolean numTokens;
    private int maxChars = Integer.MAX_VALUE;
    private OnError onError = OnError.FAIL;
    private String keyColumn;
    private int batchSize = 256;

    private Builder() {}

    public Builder addSpecialTokens(boolean addSpecialTokens) {
      this.addSpecialTokens = addSpecialTokens;
      return this;
    }

    /** Truncates each row to {@code maxLength} tokens instead of the tokenizer's own truncation. */
    public Builder truncate(int maxLength) {
      if (maxLength <= 0) {
        throw new IllegalArgumentException("maxLength must be positive, got " + maxLength);
      }
      this.truncateTo = maxLength;
      return this;
    }

    /** No truncation, even if the tokenizer has some configured. */
    public Builder noTruncation() {
      this.truncateTo = -1;
      return this;
    }

    /** Pads every row to {@code length} tokens (rows already longer stay as they are). */
    public Builder padToLength(int length) {
      if (length <= 0) {
        throw new IllegalArgumentException("length must be positive, got " + length);
      }
      this.padTo = length;
      return this;
    }

    /** No padding (the default). */
    public Builder noPadding() {
      this.padTo = 0;
      return this;
    }

    public Builder tokenTypeIds(boolean add) {
      this.tokenTypeIds = add;
      return this;
    }

    public Builder offsets(boolean add) {
      this.offsets = add;
      return this;
    }

    public Builder numTokens(boolean add) {
      this.numTokens = add;
      return this;
    }

    /** Rows whose text is longer than {@code maxChars} chars are errors (see {@link #onError}). */
    public Builder maxChars(int maxChars) {
      if (maxChars <= 0) {
        throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
      }
      this.maxChars = maxChars;
      return this;
    }

    public Builder onError(OnError onError) {
      this.onError = Objects.requireNonNull(onError, "onError");
      return this;
    }

    /** A column whose value identifies a row in a {@link RowEncodingException}. */
    public Builder keyColumn(String keyColumn) {
      this.keyColumn = Objects.requireNonNull(keyColumn, "keyColumn");
      return this;
    }

    /** Rows per {@code encodeBatch} call within a partition; 256 by default. */
    public Builder batchSize(int batchSize) {
      if (batchSize <= 0) {
        throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    public TokenizeOptions build() {
      return new TokenizeOptions(this);
    }
  }
}
