package ai.boinc.transformers.tokenizers.perf;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-run latency check, not a test: the average CPU time of one {@code encode} of the
 * benchmark's 60-character sentence (special tokens added, the same text every call) after about
 * two seconds of warm-up, per model. Run with {@code java -cp ... ShortCall [seconds] [model...]}.
 * JMH's {@code ShortCallLatency} measures the real figures; this is for before/after comparisons.
 */
public final class ShortCall {
  /** The text of the benchmark module's {@code Corpus.SHORT_TEXT}. */
  static final String TEXT = "Order #4711 shipped on Tuesday; the café said it is on time.";

  private static final List<String> MODELS =
      List.of(
          "llama-3", "qwen3", "gpt-4o", "gpt2", "llama-2", "mistral", "bert-base-uncased",
          "t5-small");

  /** CPU time of this thread, not wall time: the machine is shared (see EncodeThroughput). */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Keeps the results alive so that the JIT cannot drop the calls. */
  private static long sink;

  private ShortCall() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
    List<String> models =
        args.length > 1 ? Arrays.asList(args).subList(1, args.length) : MODELS;
    EncodeOptions options = EncodeOptions.addSpecialTokens(true);
    // Not a constant, so that the JIT cannot fold the text.
    String text = new String(TEXT.toCharArray());
    for (String model : models) {
      Tokenizer tok = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
      run(tok, text, options, (long) (seconds * 1e9));
      double best = Double.MAX_VALUE;
      StringBuilder all = new StringBuilder();
      for (int r = 0; r < 5; r++) {
        double us = run(tok, text, options, 200_000_000L);
        all.append(String.format(" %.2f", us));
        best = Math.min(best, us);
      }
      System.out.printf(
          "%-18s best %6.2f us/call  (%s)  %d tokens%n",
          model, best, all.toString().trim(), tok.encode(text, options).size());
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  /** Calls {@code encode} for about {@code cpuNanos} of CPU time; returns µs per call. */
  private static double run(Tokenizer tok, String text, EncodeOptions options, long cpuNanos) {
    long start = THREADS.getCurrentThreadCpuTime();
    long now = start;
    long calls = 0;
    while (now - start < cpuNanos) {
      for (int i = 0; i < 1000; i++) {
        sink += tok.encode(text, options).id(0);
      }
      calls += 1000;
      now = THREADS.getCurrentThreadCpuTime();
    }
    return (now - start) / 1e3 / calls;
  }
}
