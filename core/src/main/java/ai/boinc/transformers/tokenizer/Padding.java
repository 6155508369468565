package ai.boinc.transformers.tokenizer;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How encodings are padded, as the reference library's {@code PaddingParams}: to a fixed length,
 * or to the longest encoding of the batch (one encoding on its own is its own batch), then up to a
 * multiple of {@code padToMultipleOf}. Padding tokens get {@code padId}, {@code padToken}, {@code
 * padTypeId}, attention mask 0, special-tokens mask 1 and offsets {@code [0, 0]}; an encoding that
 * is already long enough is left alone.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Padding p = Padding.newBuilder().fixedLength(128).padToken("[PAD]").build();
 * }</pre>
 */
public final class Padding {
  /** Which side padding tokens go on. */
  public enum Direction {
    LEFT,
    RIGHT
  }

  private final int fixedLength;
  private final int padToMultipleOf;
  private final int padId;
  private final int padTypeId;
  private final String padToken;
  private final Direction direction;

  private Padding(Builder b) {
    this.fixedLength = b.fixedLength;
    this.padToMultipleOf = b.padToMultipleOf;
    this.padId = b.padId;
    this.padTypeId = b.padTypeId;
    this.padToken = b.padToken;
    this.direction = b.direction;
  }

  /** Defaults: longest in the batch, right, no multiple, id 0, type id 0, token {@code [PAD]}. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  /** Padding to the longest encoding of the batch, with the other defaults. */
  public static Padding batchLongest() {
    return newBuilder().build();
  }

  /** Padding to {@code length} tokens, with the other defaults. */
  public static Padding fixed(int length) {
    return newBuilder().fixedLength(length).build();
  }

  public Builder toBuilder() {
    Builder b =
        newBuilder()
            .padToMultipleOf(padToMultipleOf)
            .padId(padId)
            .padTypeId(padTypeId)
            .padToken(padToken)
            .direction(direction);
    return fixedLength < 0 ? b.batchLongest() : b.fixedLength(fixedLength);
  }

  /** The fixed length, or empty for the longest of the batch. */
  public OptionalInt fixedLength() {
    return fixedLength < 0 ? OptionalInt.empty() : OptionalInt.of(fixedLength);
  }

  /** The length is rounded up to a multiple of this; 0 for no rounding. */
  public int padToMultipleOf() {
    return padToMultipleOf;
  }

  public int padId() {
    return padId;
  }

  public int padTypeId() {
    return padTypeId;
  }

  public String padToken() {
    return padToken;
  }

  public Direction direction() {
    return direction;
  }

  /**
   * The length encodings are padded to, given the longest one of the batch: the fixed length or
   * {@code longest}, rounded up to {@link #padToMultipleOf()}.
   */
  public int targetLength(int longest) {
    long length = fixedLength < 0 ? longest : fixedLength;
    if (padToMultipleOf > 0 && length % padToMultipleOf != 0) {
      length += padToMultipleOf - length % padToMultipleOf;
    }
    return (int) Math.min(Integer.MAX_VALUE, length);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Padding)) {
      return false;
    }
    Padding p = (Padding) o;
    return fixedLength == p.fixedLength
        && padToMultipleOf == p.padToMultipleOf
        && padId == p.padId
        && padTypeId == p.padTypeId
        && padToken.equals(p.padToken)
        && direction == p.direction;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fixedLength, padToMultipleOf, padId, padTypeId, padToken, direction);
  }

  @Override
  public String toString() {
    return "Padding{" + (fixedLength < 0 ? "batchLongest" : "fixedLength=" + fixedLength)
        + ", padToMultipleOf=" + padToMultipleOf + ", padId=" + padId + ", padTypeId=" + padTypeId
        + ", padToken=" + padToken + ", direction=" + direction + "}";
  }

  /** Builds {@link Padding}. Not thread-safe. */
  public static final class Builder {
    private int fixedLength = -1;
    private int padToMultipleOf;
    private int padId;
    private int padTypeId;
    private String padToken = "[PAD]";
    private Direction direction = Direction.RIGHT;

    private Builder() {}

    /** Pads to the longest encoding of the batch (the default). */
    public Builder batchLongest() {
      this.fixedLength = -1;
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder fixedLength(int length) {
      if (length < 0) {
        throw new IllegalArgumentException("fixedLength must be >= 0: " + length);
      }
      this.fixedLength = length;
      return this;
    }

    /** @param multiple 0 (the default) for no rounding; @throws IllegalArgumentException if negative */
    public Builder padToMultipleOf(int multiple) {
      if (multiple < 0) {
        throw new IllegalArgumentException("padToMultipleOf must be >= 0: " + multiple);
      }
      this.padToMultipleOf = multiple;
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder padId(int padId) {
      if (padId < 0) {
        throw new IllegalArgumentException("padId must be >= 0: " + padId);
      }
      this.padId = padId;
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder padTypeId(int padTypeId) {
      if (padTypeId < 0) {
        throw new IllegalArgumentException("padTypeId must be >= 0: " + padTypeId);
      }
      this.padTypeId = padTypeId;
      return this;
    }

    public Builder padToken(String padToken) {
      this.padToken = Objects.requireNonNull(padToken, "padToken");
      return this;
    }

    public Builder direction(Direction direction) {
      this.direction = Objects.requireNonNull(direction, "direction");
      return this;
    }

    public Padding build() {
      return new Padding(this);
    }
  }
}
