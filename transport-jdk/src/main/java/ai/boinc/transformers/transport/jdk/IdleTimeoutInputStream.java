package ai.boinc.transformers.transport.jdk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that fails a read which waits longer than the idle timeout for its next bytes.
 * {@code HttpRequest.timeout} only covers the wait for the response headers; without this a stalled
 * server would block a download forever.
 *
 * <p>Each blocking read arms a watchdog on one shared daemon thread; when it fires, the underlying
 * stream is closed, which wakes the reader, and the read fails with {@link SocketTimeoutException}.
 * Also maps an interrupted read to {@link InterruptedIOException}. Not thread-safe (one reader),
 * like every {@link InputStream}.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  private final Duration timeout;
  private final String where;
  private volatile boolean timedOut;

  IdleTimeoutInputStream(InputStream body, Duration timeout, String where) {
    super(body);
    this.timeout = timeout;
    this.where = where;
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "transformers-jdk-fetcher-idle-timeout");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  @Override
  public int read() throws IOException {
    ScheduledFuture<?> alarm = arm();
    try {
      return super.read();
    } catch (IOException e) {
      throw translate(e);
    } finally {
      alarm.cancel(false);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    ScheduledFuture<?> alarm = arm();
    try {
      return super.read(buffer, offset, length);
    } catch (IOException e) {
      throw translate(e);
    } finally {
      alarm.cancel(false);
    }
  }

  @Override
  public long skip(long count) throws IOException {
    ScheduledFuture<?> alarm = arm();
    try {
      return super.skip(count);
    } catch (IOException e) {
      throw translate(e);
    } finally {
      alarm.cancel(false);
    }
  }

  private ScheduledFuture<?> arm() throws IOException {
    if (timedOut) {
      throw timeout();
    }
    return WATCHDOG.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void expire() {
    timedOut = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // The reader sees the timeout either way.
    }
  }

  private IOException translate(IOException e) {
    if (timedOut) {
      IOException timeout = timeout();
      timeout.initCause(e);
      return timeout;
    }
    if (e instanceof InterruptedIOException || !(e.getCause() instanceof InterruptedException)) {
      return e;
    }
    Thread.currentThread().interrupt();
    InterruptedIOException interrupted = new InterruptedIOException("reading the response from " + where + " was interrupted");
    interrupted.initCause(e);
    return interrupted;
  }

  private SocketTimeoutException timeout() {
    return new SocketTimeoutException("no response bytes from " + where + " for " + timeout.toMillis() + " ms");
  }
}
