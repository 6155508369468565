package ai.boinc.transformers.tokenizers.perf;

import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-run load check, not a test: for each model, the time to parse {@code tokenizer.json}
 * into a tree and to load the whole tokenizer (best of a few runs), and the heap the loaded
 * tokenizer retains (used heap after GC with and without it). Run with {@code java -cp ...
 * LoadTime [model...]}.
 */
public final class LoadTime {
  private LoadTime() {}

  public static void main(String[] args) {
    List<String> models =
        args.length > 0 ? Arrays.asList(args) : List.of("llama-3", "qwen3", "gpt-4o");
    for (String model : models) {
      Path file = Fixtures.tokenizerDir(model).resolve("tokenizer.json");
      long parse = Long.MAX_VALUE;
      long load = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        TokenizerJsonLoader.parse(file);
        long t1 = System.nanoTime();
        Tokenizers.fromFile(file);
        long t2 = System.nanoTime();
        parse = Math.min(parse, t1 - t0);
        load = Math.min(load, t2 - t1);
      }
      long before = usedAfterGc();
      Tokenizer kept = Tokenizers.fromFile(file);
      long after = usedAfterGc();
      System.out.printf(
          "%-10s parse %4d ms  load %4d ms  retained %5.1f MiB%n",
          model, parse / 1_000_000, load / 1_000_000, (after - before) / 1048576.0);
      if (kept.vocabSize() < 0) {
        throw new AssertionError();
      }
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
