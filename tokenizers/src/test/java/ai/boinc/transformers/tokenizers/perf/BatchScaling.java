package ai.boinc.transformers.tokenizers.perf;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-run check, not a test: wall-clock MB/s of {@code encode} one document at a time against
 * {@code encodeBatch} of the same documents in batches of {@code batchSize} (64, as the JMH
 * benchmark; parallel on the common pool and the caller), best of several passes, and the process
 * CPU time per wall second while batching (near the core count when no thread idles). Only
 * meaningful on a quiet machine. Run with {@code java -cp ... BatchScaling [model] [batchSize]}.
 */
public final class BatchScaling {
  private BatchScaling() {}

  public static void main(String[] args) throws IOException {
    String model = args.length > 0 ? args[0] : "llama-3";
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    List<String> docs = EncodeThroughput.documents(1_000_000);
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < docs.size(); from += batchSize) {
      batches.add(docs.subList(from, Math.min(docs.size(), from + batchSize)));
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double mb = 0;
    for (String d : docs) {
      mb += d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6;
    }
    Tokenizer tok = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
    EncodeOptions options = EncodeOptions.defaults();
    double single = 0;
    double batch = 0;
    long batchCpu = 0;
    long batchWall = 0;
    for (int p = 0; p < 12; p++) {
      long t0 = System.nanoTime();
      for (String d : docs) {
        tok.encode(d, options);
      }
      long t1 = System.nanoTime();
      long c1 = os.getProcessCpuTime();
      for (List<String> b : batches) {
        tok.encodeBatch(b, options);
      }
      long t2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      single = Math.max(single, mb / ((t1 - t0) / 1e9));
      batch = Math.max(batch, mb / ((t2 - t1) / 1e9));
      if (p >= 4) {
        batchCpu += c2 - c1;
        batchWall += t2 - t1;
      }
    }
    System.out.printf(
        "%s: single %.2f MB/s, batch of %d %.2f MB/s (%.2fx; %.2f CPU s per s) on %d processors%n",
        model, single, batchSize, batch, batch / single, (double) batchCpu / batchWall,
        Runtime.getRuntime().availableProcessors());
  }
}
