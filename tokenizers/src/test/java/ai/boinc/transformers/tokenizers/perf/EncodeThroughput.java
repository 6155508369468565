package ai.boinc.transformers.tokenizers.perf;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A hand-run throughput check, not a test (it asserts nothing and Surefire never runs it): loads
 * each fixture tokenizer and encodes the first documents of the benchmark corpus (about 1 MB of
 * UTF-8) a few times, printing load time and MB/s (10^6 bytes of UTF-8 input per CPU second).
 *
 * <p>Run on the module's test classpath: {@code java -cp ... EncodeThroughput [mb] [passes]
 * [model...]}. JMH measures the real figures; this is for quick before/after comparisons.
 */
public final class EncodeThroughput {
  private static final Path CORPUS = Paths.get("/work/shared/bench-corpus/corpus.txt.gz");
  private static final List<String> MODELS =
      List.of(
          "llama-3", "qwen3", "gpt-4o", "gpt2", "llama-2", "mistral", "bert-base-uncased",
          "t5-small");

  /**
   * Rates use this thread's CPU time, not wall time: the build machine is shared, and CPU time
   * stays comparable between runs while other processes compete for the cores.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EncodeThroughput() {}

  public static void main(String[] args) throws IOException {
    double mb = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> models =
        args.length > 2 ? Arrays.asList(args).subList(2, args.length) : MODELS;
    List<String> docs = documents((long) (mb * 1_000_000));
    long bytes = 0;
    for (String d : docs) {
      bytes += d.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf("%d documents, %.2f MB%n", docs.size(), bytes / 1e6);
    EncodeOptions options = EncodeOptions.defaults();
    for (String model : models) {
      long t0 = System.nanoTime();
      Tokenizer tok = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
      long loadNanos = System.nanoTime() - t0;
      double best = 0;
      long tokens = 0;
      StringBuilder all = new StringBuilder();
      for (int p = 0; p < passes; p++) {
        long start = THREADS.getCurrentThreadCpuTime();
        tokens = 0;
        for (String d : docs) {
          tokens += tok.encode(d, options).size();
        }
        double rate = bytes / 1e6 / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
        all.append(String.format(" %.2f", rate));
        best = Math.max(best, rate);
      }
      System.out.printf(
          "%-18s load %5d ms  best %6.2f MB/s  (%s)  %d tokens%n",
          model, loadNanos / 1_000_000, best, all.toString().trim(), tokens);
    }
  }

  /** The corpus's first documents up to about {@code limit} bytes of UTF-8. */
  static List<String> documents(long limit) throws IOException {
    String text;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(CORPUS))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    long size = 0;
    for (String d : text.split("\u001E")) {
      if (size >= limit) {
        break;
      }
      out.add(d);
      size += d.getBytes(StandardCharsets.UTF_8).length;
    }
    return out;
  }
}
