package ai.boinc.transformers.tokenizers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                Batches.map(
                    range(10_000),
                    i -> {
                      started.countDown();
                      sleep(2);
                      done.incrementAndGet();
                      return i;
                    },
                    POOL);
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
