package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes on a second thread while the download thread goes on reading and writing: a pool of
 * {@value #PIPELINE_BUFFERS} buffers circulates between the two, so the download waits only when
 * the hash falls that far behind. Reset and end are marks in the same queue, so they apply in
 * order.
 */
final class HashThread implements Digester {
  private static final byte[] RESET = new byte[0];
  private static final byte[] END = new byte[0];

  /** Buffers a hashing thread may lag behind by (bounds the memory of one download). */
  private static final int PIPELINE_BUFFERS = 8;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Hasher hasher;
  private final BlockingQueue<byte[]> work = new LinkedBlockingQueue<>();
  private final BlockingQueue<Integer> lengths = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(PIPELINE_BUFFERS);
  private final CompletableFuture<Optional<String>> result = new CompletableFuture<>();
  private final Thread thread;

  HashThread(Hasher hasher) {
    this.hasher = hasher;
    for (int i = 1; i < PIPELINE_BUFFERS; i++) {
      free.add(new byte[BUFFER_SIZE]);
    }
    thread = new Thread(this::run, "transformers-hash-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        byte[] bytes = work.take();
        if (bytes == END) {
          result.complete(hasher.finish());
          return;
        }
        if (bytes == RESET) {
          hasher.reset();
          continue;
        }
        hasher.update(bytes, lengths.take());
        free.add(bytes);
      }
    } catch (InterruptedException e) {
      result.cancel(false); // closed before the end: nobody waits for the result
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
  }

  @Override
  public byte[] buffer() {
    return new byte[BUFFER_SIZE];
  }

  @Override
  public byte[] update(byte[] bytes, int n) throws IOException {
    lengths.add(n);
    work.add(bytes);
    try {
      while (true) {
        byte[] next = free.poll(1, TimeUnit.SECONDS);
        if (next != null) {
          return next;
        }
        if (result.isDone()) {
          throw failed();
        }
      }
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  @Override
  public void reset() {
    work.add(RESET);
  }

  @Override
  public Optional<String> finish() throws IOException {
    work.add(END);
    try {
      return result.get();
    } catch (InterruptedException e) {
      throw interrupted(e);
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      throw failed();
    }
  }

  private IOException failed() {
    try {
      result.getNow(null);
    } catch (CompletionException e) {
      return new IOException("hashing the download failed: " + e.getCause(), e.getCause());
    } catch (java.util.concurrent.CancellationException e) {
      // below
    }
    return new IOException("hashing the download stopped");
  }

  private static InterruptedIOException interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    InterruptedIOException interrupted = new InterruptedIOException("download interrupted");
    interrupted.initCause(e);
    return interrupted;
  }

  @Override
  public void close() {
    if (!result.isDone()) {
      thread.interrupt();
    }
  }
}
