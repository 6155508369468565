package ai.boinc.transformers.spark.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmark's three ways, timed by wall clock and by the whole process's CPU time (JIT, GC,
 * Spark's threads and the tokenizer's helper threads included). On a shared machine the wall clock
 * depends on what else runs; CPU time per operation does much less, so the projected speed-up of
 * local[2] over one thread on 2 idle cores is 2 × (CPU of encode) ÷ (CPU of the transform), an
 * upper bound that assumes both cores stay busy. Medians of {@code rounds} rounds after two
 * warm-up rounds. Run with the exec:exec line of the JMH benchmark and
 * {@code -Dbench.main=ai.boinc.transformers.spark.bench.SparkTransformCpu -Djmh.args="ROUNDS COPIES"}
 * (see spark/pom.xml).
 */
public final class SparkTransformCpu {
  private SparkTransformCpu() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    SparkTransformBenchmark bench = new SparkTransformBenchmark();
    bench.partitions = 8;
    bench.copies = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    bench.setUp();
    Blackhole sink = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    long bytes = SparkTransformBenchmark.utf8Bytes(bench.texts);
    int rows = bench.texts.size();
    try {
      Runnable[] ways = {bench::sparkTransform, bench::naivePerRowUdf, () -> bench.singleThreadEncode(sink)};
      String[] names = {"sparkTransform (local[2])", "naivePerRowUdf (local[2])", "singleThreadEncode"};
      double[][] wall = new double[ways.length][rounds];
      double[][] cpu = new double[ways.length][rounds];
      for (int round = -2; round < rounds; round++) {
        for (int w = 0; w < ways.length; w++) {
          long cpu0 = processCpuNanos();
          long t0 = System.nanoTime();
          ways[w].run();
          long t1 = System.nanoTime();
          long cpu1 = processCpuNanos();
          if (round >= 0) {
            wall[w][round] = (t1 - t0) / 1e9;
            cpu[w][round] = (cpu1 - cpu0) / 1e9;
          }
        }
      }
      System.out.printf("corpus: %d rows, %.2f MB; load average now %.2f%n",
          rows, bytes / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      double[] medianCpu = new double[ways.length];
      for (int w = 0; w < ways.length; w++) {
        double wallSec = median(wall[w]);
        medianCpu[w] = median(cpu[w]);
        System.out.printf("%-28s wall %.3f s: %,.0f rows/s, %.2f MB/s; CPU %.3f s per pass%n",
            names[w], wallSec, rows / wallSec, bytes / 1e6 / wallSec, medianCpu[w]);
      }
      System.out.printf("wall ratio transform/encode: %.2fx; naive UDF/transform wall: %.2fx%n",
          median(wall[2]) / median(wall[0]), median(wall[1]) / median(wall[0]));
      System.out.printf("CPU per pass, transform/encode: %.2f; projected local[2] speed-up on 2 idle cores: %.2fx%n",
          medianCpu[0] / medianCpu[2], 2 * medianCpu[2] / medianCpu[0]);
    } finally {
      bench.tearDown();
    }
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
