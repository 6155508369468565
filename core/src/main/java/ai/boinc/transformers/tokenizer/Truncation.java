package ai.boinc.transformers.tokenizer;

import java.util.Objects;

/**
 * How an encoding is cut to a maximum length, as the reference library's {@code
 * TruncationParams}: {@code maxLength} tokens in total (special tokens the post-processor adds are
 * counted when they are added), the part cut off returned as {@link Encoding#overflowing()}
 * windows that overlap by {@code stride} tokens.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Truncation t = Truncation.newBuilder().maxLength(512).stride(64).build();
 * Encoding e = tokenizer.encode(text, EncodeOptions.newBuilder().truncation(t).build());
 * }</pre>
 */
public final class Truncation {
  /** Which sequence of a pair loses tokens. */
  public enum Strategy {
    /** Tokens are taken from the longer sequence first, so both end up about equally long. */
    LONGEST_FIRST,
    /** Only the first sequence is cut. */
    ONLY_FIRST,
    /** Only the second sequence is cut. */
    ONLY_SECOND
  }

  /** Which end of a sequence is cut off. */
  public enum Direction {
    /** The start is cut off; the last tokens are kept. */
    LEFT,
    /** The end is cut off; the first tokens are kept. */
    RIGHT
  }

  private final int maxLength;
  private final int stride;
  private final Strategy strategy;
  private final Direction direction;

  private Truncation(Builder b) {
    this.maxLength = b.maxLength;
    this.stride = b.stride;
    this.strategy = b.strategy;
    this.direction = b.direction;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  /** Truncation to {@code maxLength} tokens with the defaults (right, longest first, stride 0). */
  public static Truncation toMaxLength(int maxLength) {
    return newBuilder().maxLength(maxLength).build();
  }

  public Builder toBuilder() {
    return newBuilder()
        .maxLength(maxLength)
        .stride(stride)
        .strategy(strategy)
        .direction(direction);
  }

  public int maxLength() {
    return maxLength;
  }

  /** Number of tokens each overflowing window repeats from the window before it. */
  public int stride() {
    return stride;
  }

  public Strategy strategy() {
    return strategy;
  }

  public Direction direction() {
    return direction;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Truncation)) {
      return false;
    }
    Truncation t = (Truncation) o;
    return maxLength == t.maxLength
        && stride == t.stride
        && strategy == t.strategy
        && direction == t.direction;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxLength, stride, strategy, direction);
  }

  @Override
  public String toString() {
    return "Truncation{maxLength=" + maxLength + ", stride=" + stride + ", strategy=" + strategy
        + ", direction=" + direction + "}";
  }

  /** Builds {@link Truncation}; {@code maxLength} is required. Not thread-safe. */
  public static final class Builder {
    private int maxLength = -1;
    private int stride;
    private Strategy strategy = Strategy.LONGEST_FIRST;
    private Direction direction = Direction.RIGHT;

    private Builder() {}

    /** @throws IllegalArgumentException if negative */
    public Builder maxLength(int maxLength) {
      if (maxLength < 0) {
        throw new IllegalArgumentException("maxLength must be >= 0: " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder stride(int stride) {
      if (stride < 0) {
        throw new IllegalArgumentException("stride must be >= 0: " + stride);
      }
      this.stride = stride;
      return this;
    }

    public Builder strategy(Strategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    public Builder direction(Direction direction) {
      this.direction = Objects.requireNonNull(direction, "direction");
      return this;
    }

    /** @throws IllegalStateException if no {@code maxLength} was set */
    public Truncation build() {
      if (maxLength < 0) {
        throw new IllegalStateException("maxLength is required");
      }
      return new Truncation(this);
    }
  }
}
