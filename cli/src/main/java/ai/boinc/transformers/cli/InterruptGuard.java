package ai.boinc.transformers.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, which starts the JVM's shutdown) into an interrupt of the thread that
 * downloads, so the download stops at once, keeps what arrived for a resume and reports it; the
 * shutdown waits (bounded) until the command has printed its line. The JVM then exits with 130,
 * its status for a shutdown by SIGINT.
 */
final class InterruptGuard implements AutoCloseable {
  /** The exit status of a command stopped by SIGINT (128 + 2), as shells report it. */
  static final int EXIT_INTERRUPTED = 130;
  /** How long the shutdown waits for the interrupted command to report. */
  private static final Duration REPORT_WAIT = Duration.ofSeconds(5);

  private final Thread hook;
  private final CountDownLatch reported = new CountDownLatch(1);
  private volatile boolean signalled;

  private InterruptGuard(Thread worker) {
    this.hook = new Thread(() -> {
      signalled = true;
      worker.interrupt();
      try {
        reported.await(REPORT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ba-sigint");
  }

  /** Interrupts the current thread on SIGINT until {@link #close()}. */
  static InterruptGuard forCurrentThread() {
    InterruptGuard guard = new InterruptGuard(Thread.currentThread());
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  /** Whether the process is shutting down because of a signal (Ctrl-C). */
  boolean signalled() {
    return signalled;
  }

  /** The command has reported (or had nothing to report): let the shutdown go on. */
  @Override
  public void close() {
    reported.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook is running and now returns
    }
  }
}
