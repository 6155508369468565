package ai.boinc.transformers.tokenizers.perf;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.util.List;

/**
 * A hand-run check, not a test: wall-clock MB/s of {@code encode} one document at a time against
 * {@code encodeBatch} of the same documents (parallel on the common pool and the caller), best of
 * several passes. Run with {@code java -cp ... BatchScaling [model]}.
 */
public final class BatchScaling {
  private BatchScaling() {}

  public static void main(String[] args) throws IOException {
    String model = args.length > 0 ? args[0] : "llama-3";
    List<String> docs = EncodeThroughput.documents(1_000_000);
    double mb = 0;
    for (String d : docs) {
      mb += d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6;
    }
    Tokenizer tok = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
    EncodeOptions options = EncodeOptions.defaults();
    double single = 0;
    double batch = 0;
    for (int p = 0; p < 12; p++) {
      long t0 = System.nanoTime();
      for (String d : docs) {
        tok.encode(d, options);
      }
      long t1 = System.nanoTime();
      tok.encodeBatch(docs, options);
      long t2 = System.nanoTime();
      single = Math.max(single, mb / ((t1 - t0) / 1e9));
      batch = Math.max(batch, mb / ((t2 - t1) / 1e9));
    }
    System.out.printf(
        "%s: single %.2f MB/s, batch %.2f MB/s (%.2fx) on %d processors%n",
        model, single, batch, batch / single, Runtime.getRuntime().availableProcessors());
  }
}
