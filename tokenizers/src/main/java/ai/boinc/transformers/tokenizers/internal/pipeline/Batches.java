package ai.boinc.transformers.tokenizers.internal.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Maps a function over a batch in parallel, for {@code encodeBatch}/{@code decodeBatch}: the
 * result list is in input order and equal to mapping one by one.
 *
 * <p>Why this shape, for a library: no thread is created here; work runs on a given {@link
 * ForkJoinPool} (the common pool by default) plus the calling thread, which takes part and so
 * never waits for a pool that is busy elsewhere. The caller and at most {@code parallelism} helper
 * tasks claim runs of items from a shared counter; helpers never block. Runs shrink as the batch
 * drains (a share of what is left, down to one item), so claiming is rare while much is left and
 * every thread stays busy until the last items. Given a cost estimate (e.g. text length), items
 * are handed out costliest first, so the batch does not end with one long item keeping one thread
 * busy while the others idle. The caller waits only for runs already being worked on,
 * interruptibly: if it is interrupted, the remaining items are abandoned, its interrupt status
 * stays set, and a {@link CancellationException} is thrown. If items fail, the exception of the
 * lowest failing index is rethrown (as one-by-one mapping would have thrown it) and items after it
 * are no longer started.
 *
 * <p>Thread-safe; {@code f} and the cost function must be too.
 */
final class Batches {
  /**
   * A claim takes at most 1/(SHARE * threads) of the items left: large runs first, single items at
   * the end.
   */
  private static final int SHARE = 2;

  private Batches() {}

  /** {@link #map(List, Function, ForkJoinPool)} on the common pool. */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
    return map(items, null, f, ForkJoinPool.commonPool());
  }

  /** {@link #map(List, ToLongFunction, Function, ForkJoinPool)} on the common pool. */
  public static <T, R> List<R> map(
      List<T> items, ToLongFunction<? super T> cost, Function<? super T, ? extends R> f) {
    return map(items, cost, f, ForkJoinPool.commonPool());
  }

  /** {@link #map(List, ToLongFunction, Function, ForkJoinPool)} in input order. */
  public static <T, R> List<R> map(
      List<T> items, Function<? super T, ? extends R> f, ForkJoinPool pool) {
    return map(items, null, f, pool);
  }

  /**
   * Applies {@code f} to every item, in parallel on {@code pool} and the calling thread.
   *
   * @param cost a cheap estimate of the work {@code f} does for an item (must not throw; only the
   *     order of the work depends on it), or null to hand items out in input order
   * @return a new list, {@code result.get(i) == f.apply(items.get(i))}
   * @throws CancellationException if the calling thread is interrupted (its interrupt status is
   *     kept)
   */
  public static <T, R> List<R> map(
      List<T> items,
      ToLongFunction<? super T> cost,
      Function<? super T, ? extends R> f,
      ForkJoinPool pool) {
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
    int[] order = cost == null ? null : costliestFirst(in, cost);
    Job<T, R> job = new Job<>(in, order, out, f, parallelism + 1);
    int helpers = Math.min(parallelism, n - 1);
    for (int h = 0; h < helpers; h++) {
      pool.execute(() -> job.work(false));
    }
    job.work(true);
    try {
      job.done.await();
    } catch (InterruptedException e) {
      job.stop = true;
      Thread.currentThread().interrupt();
      throw cancelled();
    }
    if (job.cancelled) {
      throw cancelled();
    }
    Failure failure = job.failure;
    if (failure != null) {
      throw rethrow(failure.error);
    }
    return toList(out);
  }

  /** Indices of {@code in} by decreasing cost, ties in input order. */
  static <T> int[] costliestFirst(Object[] in, ToLongFunction<? super T> cost) {
    int n = in.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long c = Math.max(0, Math.min(Integer.MAX_VALUE, cost.applyAsLong(cast(in[i]))));
      keys[i] = (Integer.MAX_VALUE - c) << 32 | i;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = (int) keys[k];
    }
    return order;
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

  /**
   * One batch: runs of positions in {@link #order} are claimed from {@link #next}; {@link #done}
   * opens once every item is finished or abandoned.
   */
  private static final class Job<T, R> {
    final Object[] in;
    final int[] order;
    final Object[] out;
    final Function<? super T, ? extends R> f;
    final int threads;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger pending;
    final CountDownLatch done = new CountDownLatch(1);
    volatile boolean stop;
    volatile boolean cancelled;
    volatile Failure failure;

    Job(Object[] in, int[] order, Object[] out, Function<? super T, ? extends R> f, int threads) {
      this.in = in;
      this.order = order;
      this.out = out;
      this.f = f;
      this.threads = threads;
      this.pending = new AtomicInteger(in.length);
    }

    /**
     * Claims and runs runs of items until none is left; run by helpers and by the caller. Only
     * the caller looks at its interrupt status: a pool thread's belongs to the pool.
     */
    void work(boolean caller) {
      Thread self = Thread.currentThread();
      int n = in.length;
      while (true) {
        int from = next.get();
        if (from >= n) {
          return;
        }
        int left = n - from;
        int size = stop ? left : Math.max(1, left / (SHARE * threads));
        if (!next.compareAndSet(from, from + size)) {
          continue;
        }
        try {
          for (int k = from; k < from + size; k++) {
            int i = order == null ? k : order[k];
            if (stop) {
              break;
            }
            if (failedBefore(i)) {
              // Input order: every later position is later still; costliest first: look on.
              if (order == null) {
                break;
              }
              continue;
            }
            if (caller && self.isInterrupted()) {
              cancelled = true;
              stop = true;
              break;
            }
            try {
              out[i] = f.apply(cast(in[i]));
            } catch (Throwable t) {
              fail(i, t);
              if (order == null) {
                break;
              }
            }
          }
        } finally {
          if (pending.addAndGet(-size) == 0) {
            done.countDown();
          }
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
