package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a large download back to disk while it is still arriving ({@code fdatasync} every few
 * dozen MiB on a second thread), so that the final fsync finds little left to write. Only
 * timing changes: the final {@code force(true)} still runs before the rename, and a failed
 * background flush fails the download (after a failed fsync, Linux may report the next one clean).
 * The flushing thread is never interrupted: that would close the channel.
 */
final class Flusher implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final FileChannel channel;
  private final long step;
  private final Thread thread;
  private volatile long requested;
  private volatile boolean stopped;
  private volatile IOException failure;
  private long signalled;

  /** Flushes every {@code step} bytes; never when {@code step} is 0. */
  Flusher(FileChannel channel, long step) {
    this.channel = channel;
    this.step = step;
    if (step > 0) {
      thread = new Thread(this::run, "transformers-flush-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
    }
  }

  private void run() {
    long synced = 0;
    while (!stopped) {
      long target = requested;
      if (target > synced) {
        try {
          channel.force(false);
        } catch (IOException e) {
          failure = e;
          return;
        }
        synced = target;
      } else {
        LockSupport.park(this);
      }
    }
  }

  /** Called after each write with the bytes written so far. */
  void written(long bytes) {
    if (thread != null && bytes - signalled >= step) {
      signalled = bytes;
      requested = bytes;
      LockSupport.unpark(thread);
    }
  }

  /** Stops flushing; throws what a background flush failed with. */
  void finish() throws IOException {
    close();
    IOException e = failure;
    if (e != null) {
      throw new IOException("writing the download to disk failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (thread == null || stopped) {
      return;
    }
    stopped = true;
    LockSupport.unpark(thread);
    boolean interrupted = false;
    while (true) {
      try {
        thread.join(); // waits for a flush in progress before the channel closes
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
