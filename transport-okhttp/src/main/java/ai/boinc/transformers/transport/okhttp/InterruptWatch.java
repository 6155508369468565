package ai.boinc.transformers.transport.okhttp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes OkHttp's blocking calls stop when their thread is interrupted: a socket read ignores
 * {@link Thread#interrupt()}, and OkHttp only checks the interrupt status between reads.
 *
 * <p>A blocking call registers its thread with an action (cancelling the OkHttp {@code Call},
 * which closes its socket) before it blocks and unregisters after. While any call is registered,
 * one daemon thread looks every {@link #PERIOD_MS} milliseconds for interrupted threads and runs
 * their action once; with nothing registered it does not run. Okio keeps the interrupt status
 * when it notices one, so the flag is still set when this thread looks. Thread-safe.
 */
final class InterruptWatch {
  static final long PERIOD_MS = 20;

  private static final ScheduledThreadPoolExecutor EXECUTOR = executor();
  private static final Map<Registration, Boolean> WATCHED = new ConcurrentHashMap<>();
  private static ScheduledFuture<?> poller;

  private InterruptWatch() {}

  private static ScheduledThreadPoolExecutor executor() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "transformers-okhttp-fetcher-interrupt-watch");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Watches the current thread until the returned registration is closed. */
  static Registration watch(Runnable onInterrupt) {
    Registration registration = new Registration(Thread.currentThread(), onInterrupt);
    synchronized (InterruptWatch.class) {
      WATCHED.put(registration, Boolean.TRUE);
      if (poller == null) {
        poller = EXECUTOR.scheduleWithFixedDelay(InterruptWatch::poll, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
      }
    }
    return registration;
  }

  private static void poll() {
    for (Registration registration : WATCHED.keySet()) {
      if (registration.thread.isInterrupted()) {
        registration.fire();
      }
    }
    synchronized (InterruptWatch.class) {
      if (WATCHED.isEmpty() && poller != null) {
        poller.cancel(false);
        poller = null;
      }
    }
  }

  /** One watched blocking call. */
  static final class Registration implements AutoCloseable {
    private final Thread thread;
    private final Runnable onInterrupt;
    private volatile boolean fired;

    private Registration(Thread thread, Runnable onInterrupt) {
      this.thread = thread;
      this.onInterrupt = onInterrupt;
    }

    private void fire() {
      if (!fired) {
        fired = true;
        WATCHED.remove(this);
        onInterrupt.run();
      }
    }

    /** Whether the action ran because the thread was interrupted. */
    boolean fired() {
      return fired;
    }

    @Override
    public void close() {
      WATCHED.remove(this);
    }
  }
}
