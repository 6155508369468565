package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BatchesTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(4);

  @AfterAll
  static void shutdown() {
    POOL.shutdownNow();
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  @Test
  void resultsAreInInputOrder() {
    for (int n : new int[] {0, 1, 2, 7, 100, 1001}) {
      List<Integer> in = range(n);
      List<String> out = Batches.map(in, i -> "v" + i, POOL);
      assertThat(out).isEqualTo(in.stream().map(i -> "v" + i).collect(Collectors.toList()));
    }
  }

  @Test
  void usesThePoolAndTheCallerOnly() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Thread caller = Thread.currentThread();
    Batches.map(
        range(400),
        i -> {
          threads.add(Thread.currentThread());
          busy();
          return i;
        },
        POOL);
    for (Thread t : threads) {
      assertThat(t == caller || t.getName().startsWith("ForkJoinPool-")).as(t.getName()).isTrue();
    }
    assertThat(threads.size()).isLessThanOrEqualTo(5);
  }

  @Test
  void theLowestFailingIndexIsRethrown() {
    List<Integer> in = range(500);
    assertThatThrownBy(
            () ->
                Batches.map(
                    in,
                    i -> {
                      if (i == 123 || i == 400) {
                        throw new IllegalStateException("item " + i);
                      }
                      return i;
                    },
                    POOL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("item 123");
  }

  @Test
  void interruptingTheCallerCancelsAndKeepsTheFlag() throws InterruptedException {
    assertInterruptingTheCallerCancels(work -> Batches.map(range(10_000), work, POOL));
  }

  /**
   * Runs a batch of 10,000 slow items on its own caller thread and interrupts that thread once
   * items run: the batch ends early with {@link CancellationException}, the flag kept.
   */
  private static void assertInterruptingTheCallerCancels(
      Consumer<Function<Integer, Integer>> batch) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Function<Integer, Integer> work =
        i -> {
          started.countDown();
          sleep(2);
          done.incrementAndGet();
          return i;
        };
    Thread caller =
        new Thread(
            () -> {
              try {
                batch.accept(work);
              } catch (Throwable t) {
                thrown.set(t);
              }
              flag.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    assertThat(flag.get()).isTrue();
    assertThat(done.get()).isLessThan(10_000);
  }

  @Test
  void nestedBatchesInsideThePoolComplete() {
    List<List<Integer>> nested =
        Batches.map(range(16), i -> Batches.map(range(50), j -> i * j, POOL), POOL);
    for (int i = 0; i < 16; i++) {
      List<Integer> expected = new ArrayList<>();
      for (int j = 0; j < 50; j++) {
        expected.add(i * j);
      }
      assertThat(nested.get(i)).isEqualTo(expected);
    }
  }

  @Test
  void costliestFirstOrdersByDecreasingCostThenIndex() {
    Object[] in = {3, 9, 3, -5, Long.MAX_VALUE, 0, 9};
    int[] order = Batches.costliestFirst(in, o -> ((Number) o).longValue());
    // Costs are clamped to [0, Integer.MAX_VALUE]: -5 counts as 0, Long.MAX_VALUE as the maximum.
    assertThat(order).containsExactly(4, 1, 6, 0, 2, 3, 5);
  }

  /** Any cost estimate, any pool size: the same list as mapping one by one. */
  @Test
  void withCostsResultsAreThoseOfMappingOneByOne() {
    ForkJoinPool[] pools = {new ForkJoinPool(1), new ForkJoinPool(2), POOL};
    try {
      qt().withExamples(300)
          .forAll(
              lists().of(integers().between(-1_000, 1_000)).ofSizeBetween(0, 300),
              integers().between(0, 2),
              integers().between(0, 3))
          .checkAssert(
              (in, p, costKind) -> {
                List<Integer> expected = new ArrayList<>();
                for (Integer i : in) {
                  expected.add(i * 7 + 1);
                }
                assertThat(Batches.map(in, cost(costKind), i -> i * 7 + 1, pools[p]))
                    .isEqualTo(expected);
              });
    } finally {
      pools[0].shutdownNow();
      pools[1].shutdownNow();
    }
  }

  /** However the work is ordered, the exception is that of the lowest failing index. */
  @Test
  void withCostsTheLowestFailingIndexIsRethrown() {
    qt().withExamples(200)
        .forAll(
            integers().between(1, 200),
            lists().of(integers().between(0, 199)).ofSizeBetween(1, 5),
            integers().between(0, 3))
        .assuming((n, failing, costKind) -> failing.stream().anyMatch(f -> f < n))
        .checkAssert(
            (n, failing, costKind) -> {
              int lowest = failing.stream().filter(f -> f < n).min(Integer::compare).get();
              assertThatThrownBy(
                      () ->
                          Batches.map(
                              range(n),
                              cost(costKind),
                              i -> {
                                if (failing.contains(i)) {
                                  throw new IllegalStateException("item " + i);
                                }
                                return i;
                              },
                              POOL))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessage("item " + lowest);
            });
  }

  @Test
  void withCostsInterruptingTheCallerCancelsAndKeepsTheFlag() throws InterruptedException {
    assertInterruptingTheCallerCancels(
        work -> Batches.map(range(10_000), i -> (long) i % 17, work, POOL));
  }

  @Test
  void withCostsEveryItemRunsOnce() {
    List<Integer> in = range(1_000);
    AtomicInteger[] runs = new AtomicInteger[in.size()];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = new AtomicInteger();
    }
    List<Integer> shuffled = new ArrayList<>(in);
    Collections.shuffle(shuffled, new java.util.Random(7));
    Batches.map(in, i -> shuffled.get(i), i -> runs[i].incrementAndGet(), POOL);
    for (AtomicInteger r : runs) {
      assertThat(r.get()).isEqualTo(1);
    }
  }

  /** Costs that are constant, increasing, decreasing, or scattered and partly out of range. */
  private static java.util.function.ToLongFunction<Integer> cost(int kind) {
    switch (kind) {
      case 0:
        return i -> 1;
      case 1:
        return i -> i;
      case 2:
        return i -> -i;
      default:
        return i -> (i * 2_654_435_761L) ^ (i << 40);
    }
  }

  private static void busy() {
    long end = System.nanoTime() + 50_000;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
