package ai.boinc.transformers.templates;

import java.util.Objects;

/**
 * The bounds a render runs within, because a template is untrusted input: work steps (loop
 * iterations, calls, chunks of large strings), nesting of macro calls, and the length of the
 * output and of any string built. Reaching one throws {@link TemplateLimitException}.
 *
 * <p>The defaults let every real chat template render a long conversation and stop a runaway one
 * in well under a second.
 */
public final class TemplateLimits {
  private static final TemplateLimits DEFAULTS = new Builder().build();

  private final long maxSteps;
  private final int maxCallDepth;
  private final int maxOutputLength;

  private TemplateLimits(Builder b) {
    this.maxSteps = b.maxSteps;
    this.maxCallDepth = b.maxCallDepth;
    this.maxOutputLength = b.maxOutputLength;
  }

  /** 5,000,000 steps, call depth 100, 16 Mi characters. */
  public static TemplateLimits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxSteps(maxSteps).maxCallDepth(maxCallDepth).maxOutputLength(maxOutputLength);
  }

  public long maxSteps() {
    return maxSteps;
  }

  public int maxCallDepth() {
    return maxCallDepth;
  }

  public int maxOutputLength() {
    return maxOutputLength;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TemplateLimits)) {
      return false;
    }
    TemplateLimits other = (TemplateLimits) o;
    return maxSteps == other.maxSteps && maxCallDepth == other.maxCallDepth
        && maxOutputLength == other.maxOutputLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxSteps, maxCallDepth, maxOutputLength);
  }

  @Override
  public String toString() {
    return "TemplateLimits{maxSteps=" + maxSteps + ", maxCallDepth=" + maxCallDepth + ", maxOutputLength="
        + maxOutputLength + "}";
  }

  /** Builds {@link TemplateLimits}; every bound must be positive. */
  public static final class Builder {
    private long maxSteps = 5_000_000;
    private int maxCallDepth = 100;
    private int maxOutputLength = 16 * 1024 * 1024;

    private Builder() {}

    public Builder maxSteps(long steps) {
      if (steps <= 0) {
        throw new IllegalArgumentException("maxSteps must be positive, got " + steps);
      }
      this.maxSteps = steps;
      return this;
    }

    public Builder maxCallDepth(int depth) {
      if (depth <= 0) {
        throw new IllegalArgumentException("maxCallDepth must be positive, got " + depth);
      }
      this.maxCallDepth = depth;
      return this;
    }

    /** The longest output, and the longest string or list any operation may build, in chars. */
    public Builder maxOutputLength(int length) {
      if (length <= 0) {
        throw new IllegalArgumentException("maxOutputLength must be positive, got " + length);
      }
      this.maxOutputLength = length;
      return this;
    }

    public TemplateLimits build() {
      return new TemplateLimits(this);
    }
  }
}
