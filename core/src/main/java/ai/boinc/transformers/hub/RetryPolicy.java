package ai.boinc.transformers.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the hub engine retries a request that failed for a reason that may pass: HTTP 408, 429, 500,
 * 502, 503 and 504 and connection failures (refused, reset, timed out). Other answers, such as
 * 401, 403 and 404, are never retried.
 *
 * <p>The n-th retry waits {@code min(maxDelay, baseDelay * 2^(n-1))}, shortened by a random part
 * of up to {@link #jitter()} of it so that many clients do not retry in step. A {@code
 * Retry-After: <seconds>} header, or {@code RateLimit: ...;r=0;t=<seconds>}, replaces that wait.
 * The engine stops after {@link #maxAttempts()} attempts in all, or earlier when the next wait
 * would end after {@link #maxTotalTime()} from the first attempt; then the last answer is
 * reported (a 429 as {@link RateLimitedException}).
 *
 * <pre>{@code
 * Hub hub = Hub.builder()
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(3).maxTotalTime(Duration.ofSeconds(20)).build())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
  /** A wait between attempts; tests pass one that does not really sleep. */
  public interface Sleeper {
    /** Waits for {@code duration}, or throws when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Sleeper THREAD_SLEEP = d -> Thread.sleep(Math.max(0, d.toMillis()));
  private static final RetryPolicy DEFAULT = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxTotalTime;
  private final double jitter;
  private final Sleeper sleeper;
  private final Clock clock;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.maxTotalTime = b.maxTotalTime;
    this.jitter = b.jitter;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first): {@code min(maxDelay, baseDelay *
   * 2^(retry-1))}, shortened by {@code jitter * random} of it. For other clients that follow this
   * policy (the Vault adapter does).
   *
   * @param random a number in [0, 1), e.g. {@code ThreadLocalRandom.current().nextDouble()}
   */
  public Duration delayBefore(int retry, double random) {
    long base = baseDelay.toMillis();
    long max = maxDelay.toMillis();
    long exponential = base;
    for (int i = 1; i < retry && exponential < max; i++) {
      exponential *= 2;
    }
    long capped = Math.min(max, exponential);
    return Duration.ofMillis(Math.max(0, Math.round(capped * (1.0 - jitter * random))));
  }

  /** 5 attempts, waits from 1 s doubling up to 8 s, at most 60 s in all, 20 % jitter. */
  public static RetryPolicy defaults() {
    return DEFAULT;
  }

  /** One attempt: no retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.maxTotalTime = maxTotalTime;
    b.jitter = jitter;
    b.sleeper = sleeper;
    b.clock = clock;
    return b;
  }

  /** Attempts in all, the first included; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** No retry starts later than this after the first attempt. */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** The largest fraction (0 to 1) by which a wait is randomly shortened. */
  public double jitter() {
    return jitter;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  /** Measures {@link #maxTotalTime()}. */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", maxTotalTime=" + maxTotalTime + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration baseDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(8);
    private Duration maxTotalTime = Duration.ofSeconds(60);
    private double jitter = 0.2;
    private Sleeper sleeper = THREAD_SLEEP;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 100: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = notNegative(baseDelay, "baseDelay");
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = notNegative(maxDelay, "maxDelay");
      return this;
    }

    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = notNegative(maxTotalTime, "maxTotalTime");
      return this;
    }

    /** 0 for exact waits; at most 1. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
      }
      return new RetryPolicy(this);
    }

    private static Duration notNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
