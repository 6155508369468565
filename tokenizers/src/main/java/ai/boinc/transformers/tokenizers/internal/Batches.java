package ai.boinc.transformers.tokenizers.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a function over a batch in parallel, for {@code encodeBatch}/{@code decodeBatch}: the
 * result list is in input order and equal to mapping one by one.
 *
 * <p>Why this shape, for a library: no thread is created here; work runs on a given {@link
 * ForkJoinPool} (the common pool by default) plus the calling thread, which takes part and so
 * never waits for a pool that is busy elsewhere. The batch is cut into chunks that the caller and
 * at most {@code parallelism} helper tasks claim in order from a shared counter; helpers never
 * block. The caller waits only for chunks already being worked on, interruptibly: if it is
 * interrupted, the remaining chunks are abandoned, its interrupt status stays set, and a {@link
 * CancellationException} is thrown. If items fail, the exception of the lowest failing index is
 * rethrown (as one-by-one mapping would have thrown it) and later items are not started.
 *
 * <p>Thread-safe; {@code f} must be too.
 */
public final class Batches {
  /** Chunks per pool thread, so uneven items still spread well. */
  private static final int CHUNKS_PER_THREAD = 4;

  private Batches() {}

  /** {@link #map(List, Function, ForkJoinPool)} on the common pool. */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    return map(items, f, ForkJoinPool.commonPool());
  }

  /**
   * Applies {@code f} to every item, in parallel on {@code pool} and the calling thread.
   *
   * @return a new list, {@code result.get(i) == f.apply(items.get(i))}
   * @throws CancellationException if the calling thread is interrupted (its interrupt status is
   *     kept)
   */
  public static <T, R> List<R> map(
      List<T> items, Function<? super T, ? extends R> f, ForkJoinPool pool) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(pool, "pool");
    Object[] in = items.toArray();
    int n = in.length;
    Object[] out = new Object[n];
    // The caller works too, so a pool of parallelism p gives p + 1 threads: the common pool of a
    // 2-core machine (parallelism 1) still encodes a batch on both cores.
    int parallelism = Math.max(1, pool.getParallelism());
    if (n <= 1) {
      for (int i = 0; i < n; i++) {
        checkInterrupt();
        out[i] = f.apply(cast(in[i]));
      }
      return toList(out);
    }
    Job<T, R> job = new Job<>(in, out, f, Math.min(n, (parallelism + 1) * CHUNKS_PER_THREAD));
    int helpers = Math.min(parallelism, job.chunks - 1);
    for (int h = 0; h < helpers; h++) {
      pool.execute(() -> job.work(false));
    }
    job.work(true);
    try {
      job.done.await();
    } catch (InterruptedException e) {
      job.stop.set(true);
      Thread.currentThread().interrupt();
      throw cancelled();
    }
    if (job.cancelled.get()) {
      throw cancelled();
    }
    Failure failure = job.failure;
    if (failure != null) {
      throw rethrow(failure.error);
    }
    return toList(out);
  }

  private static void checkInterrupt() {
    if (Thread.currentThread().isInterrupted()) {
      throw cancelled();
    }
  }

  private static CancellationException cancelled() {
    return new CancellationException("batch interrupted; the calling thread's interrupt status is set");
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException(t);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  @SuppressWarnings("unchecked")
  private static <R> List<R> toList(Object[] out) {
    return new ArrayList<>((List<R>) Arrays.asList(out));
  }

  private static final class Failure {
    final int index;
    final Throwable error;

    Failure(int index, Throwable error) {
      this.index = index;
      this.error = error;
    }
  }

  /** One batch: chunks claimed in order; {@link #done} counts finished or abandoned chunks. */
  private static final class Job<T, R> {
    final Object[] in;
    final Object[] out;
    final Function<? super T, ? extends R> f;
    final int chunks;
    final int chunkSize;
    final AtomicInteger next = new AtomicInteger();
    final CountDownLatch done;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicBoolean cancelled = new AtomicBoolean();
    volatile Failure failure;

    Job(Object[] in, Object[] out, Function<? super T, ? extends R> f, int chunks) {
      this.in = in;
      this.out = out;
      this.f = f;
      this.chunkSize = (in.length + chunks - 1) / chunks;
      this.chunks = (in.length + chunkSize - 1) / chunkSize;
      this.done = new CountDownLatch(this.chunks);
    }

    /**
     * Claims and runs chunks until none is left; run by helpers and by the caller. Only the
     * caller looks at its interrupt status: a pool thread's belongs to the pool.
     */
    void work(boolean caller) {
      Thread self = Thread.currentThread();
      int c;
      while ((c = next.getAndIncrement()) < chunks) {
        try {
          int from = c * chunkSize;
          int to = Math.min(in.length, from + chunkSize);
          for (int i = from; i < to; i++) {
            if (stop.get() || failedBefore(i)) {
              break;
            }
            if (caller && self.isInterrupted()) {
              cancelled.set(true);
              stop.set(true);
              break;
            }
            try {
              out[i] = f.apply(cast(in[i]));
            } catch (Throwable t) {
              fail(i, t);
              break;
            }
          }
        } finally {
          done.countDown();
        }
      }
    }

    private boolean failedBefore(int i) {
      Failure x = failure;
      return x != null && x.index < i;
    }

    private synchronized void fail(int index, Throwable t) {
      if (failure == null || index < failure.index) {
        failure = new Failure(index, t);
      }
    }
  }
}
