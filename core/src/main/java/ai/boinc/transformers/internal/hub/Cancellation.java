package ai.boinc.transformers.internal.hub;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLockInterruptionException;

/** Tells a thread interrupt (stop now, retry nothing) from a timeout or a network failure. */
final class Cancellation {
  private Cancellation() {}

  static boolean isCancellation(Throwable e) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    if (e instanceof ClosedByInterruptException || e instanceof FileLockInterruptionException) {
      return true;
    }
    // SocketTimeoutException is an InterruptedIOException too, and OkHttp reports its own
    // timeouts as InterruptedIOException("timeout"); those are network failures.
    return e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && !"timeout".equals(e.getMessage());
  }
}
