package ai.boinc.transformers.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Our encode speed as a ratio to JTokkit's, measured interleaved in one JVM: each round times one
 * pass of ours on unseen text (caches emptied first), one pass of ours again (warm) and one pass of
 * JTokkit over the same {@link CorpusPrefix}, back to back, so that load from other processes
 * slows all three alike; prints the median ratios. Times are the thread's CPU time (the JIT and
 * GC threads are not counted, nor time the scheduler gave to other processes). Not JMH: for a machine too busy for absolute
 * figures. For a family JTokkit does not implement, JTokkit's cl100k serves as a fixed yardstick
 * (compare the ratio before and after a change).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar ai.boinc.transformers.benchmarks.InterleavedRatio
 *     llama-3 [rounds]</pre>
 */
public final class InterleavedRatio {
  /** CPU time of this thread: time the scheduler gave to other processes does not count. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private InterleavedRatio() {}

  public static void main(String[] args) {
    String family = args.length > 0 ? args[0] : Families.CL100K;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    String peerFamily = Families.TIKTOKEN.containsKey(family) ? family : Families.CL100K;
    List<String> docs = Corpus.prefix(1_000_000);
    long bytes = Corpus.utf8Bytes(docs);
    try (Encoder ours = Encoders.load("project", family);
        Encoder peer = Encoders.load("jtokkit", peerFamily)) {
      int warmup = Math.max(3, rounds / 3);
      double[] unseen = new double[rounds];
      double[] warm = new double[rounds];
      double[] peerMbps = new double[rounds];
      for (int r = -warmup; r < rounds; r++) {
        ours.clearCaches();
        double u = mbps(ours, docs, bytes);
        double w = mbps(ours, docs, bytes);
        double p = mbps(peer, docs, bytes);
        if (r >= 0) {
          unseen[r] = u;
          warm[r] = w;
          peerMbps[r] = p;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%s vs JTokkit %s, %d rounds: unseen/JTokkit %.2f× (%s), warm/JTokkit %.2f×;"
              + " medians ours unseen %.1f, warm %.1f, JTokkit %.1f MB/s%n",
          family,
          Families.TIKTOKEN.get(peerFamily),
          rounds,
          medianRatio(unseen, peerMbps),
          range(unseen, peerMbps),
          medianRatio(warm, peerMbps),
          median(unseen),
          median(warm),
          median(peerMbps));
    }
  }

  private static double mbps(Encoder encoder, List<String> docs, long bytes) {
    long tokens = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    for (String doc : docs) {
      tokens += encoder.encode(doc);
    }
    long nanos = THREADS.getCurrentThreadCpuTime() - start;
    if (tokens < 0) {
      throw new AssertionError();
    }
    return bytes * 1e3 / nanos;
  }

  private static double medianRatio(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] / b[i];
    }
    return median(r);
  }

  private static String range(double[] a, double[] b) {
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      r.add(a[i] / b[i]);
    }
    r.sort(null);
    return String.format(Locale.ROOT, "%.2f–%.2f", r.get(0), r.get(r.size() - 1));
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
