package ai.boinc.transformers.testkit.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test hooks shared by the hub and CDN servers: a delay before every response and a gate that
 * holds response bodies after a number of bytes. This is where fault injection plugs in.
 *
 * <p>Thread-safe: tests change the hooks while server threads read them. Every wait is bounded
 * ({@link #MAX_HOLD}) and ends when the server closes (its threads are interrupted).
 */
public final class ServerHooks {
  /** The longest a held body waits for {@link #releaseBodies()}. */
  public static final Duration MAX_HOLD = Duration.ofSeconds(30);

  private volatile Duration delay = Duration.ZERO;
  private volatile Hold hold;
  private final java.util.concurrent.atomic.AtomicLong bytesServed = new java.util.concurrent.atomic.AtomicLong();

  /** Response body bytes written to clients so far (both servers), for tests of wasted transfer. */
  public long bytesServed() {
    return bytesServed.get();
  }

  /** Called as body bytes are written. */
  void served(long bytes) {
    bytesServed.addAndGet(bytes);
  }

  /** Every response waits {@code delay} after the request was recorded; zero turns it off. */
  public void delayResponses(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    this.delay = delay;
  }

  /** Bodies that start from now on stop after {@code bytes} bytes until {@link #releaseBodies()}. */
  public void holdBodiesAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes < 0: " + bytes);
    }
    Hold previous = hold;
    hold = new Hold(bytes);
    if (previous != null) {
      previous.release.countDown();
    }
  }

  /** Lets held bodies continue and turns holding off. */
  public void releaseBodies() {
    Hold current = hold;
    hold = null;
    if (current != null) {
      current.release.countDown();
    }
  }

  /** Called before routing. */
  void beforeResponse() throws InterruptedException {
    Duration current = delay;
    if (!current.isZero()) {
      Thread.sleep(current.toMillis());
    }
  }

  /** The hold in force as a body starts, or null; a body is held at most once. */
  Hold currentHold() {
    return hold;
  }

  /** A hold point: bodies pause after {@link #after} bytes until released. */
  static final class Hold {
    final long after;
    final CountDownLatch release = new CountDownLatch(1);

    Hold(long after) {
      this.after = after;
    }

    void await() throws InterruptedException {
      release.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
