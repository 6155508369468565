package ai.boinc.transformers.testkit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The faults a test armed, in the order added, each with the number of uses left. The first
 * matching fault that can act on an exchange is used once; a fault used up is dropped.
 *
 * <p>Thread-safe: server threads take faults while the test adds and clears them. {@link #clear()}
 * also ends every stall in progress.
 */
public final class FaultPlan {
  private final List<Armed> armed = new ArrayList<>();
  private CountDownLatch stallRelease = new CountDownLatch(1);

  public synchronized void add(FaultRule rule) {
    armed.add(new Armed(rule));
  }

  /** Drops every fault and lets stalled bodies go on. */
  public void clear() {
    CountDownLatch release;
    synchronized (this) {
      armed.clear();
      release = stallRelease;
      stallRelease = new CountDownLatch(1);
    }
    release.countDown();
  }

  /** The faults not yet used up, with {@link FaultRule#times()} = uses left. */
  public synchronized List<FaultRule> pending() {
    List<FaultRule> pending = new ArrayList<>();
    for (Armed fault : armed) {
      pending.add(fault.rule.withTimes(fault.remaining));
    }
    return pending;
  }

  /** Takes one use of the first fault that matches and applies to this exchange, or null. */
  synchronized FaultRule take(HubRequest request, HubResponse response) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed fault = it.next();
      if (fault.rule.matches(request) && fault.rule.appliesTo(request, response)) {
        if (--fault.remaining == 0) {
          it.remove();
        }
        return fault.rule;
      }
    }
    return null;
  }

  /**
   * The signal that ends stalls started now. Taken together with the fault, before any byte is
   * sent, so a {@link #clear()} that follows the client's first bytes always ends the stall.
   */
  synchronized CountDownLatch stallRelease() {
    return stallRelease;
  }

  /** Waits until the stall ends: its bound, {@link #clear()}, or interruption (server closing). */
  static void stall(FaultRule rule, CountDownLatch release) throws InterruptedException {
    release.await(rule.duration().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static final class Armed {
    final FaultRule rule;
    int remaining;

    Armed(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.times();
    }
  }
}
