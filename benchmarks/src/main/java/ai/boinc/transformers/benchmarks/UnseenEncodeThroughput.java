package ai.boinc.transformers.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link EncodeThroughput} on text the tokenizer has not seen: before every operation (one pass
 * over the 1 MB {@link CorpusPrefix}, 413 documents) the tokenizer's caches of earlier words are
 * emptied, so each pass starts as the first pass of a freshly loaded tokenizer, while repeats
 * within the pass still hit the cache as they would in real traffic. The warm figure re-encodes
 * the same text into full caches and rewards them more than real traffic does.
 *
 * <p>Measured: ours ({@code encode}) and JTokkit ({@code jtokkit}, which keeps no cache, so its
 * unseen figure is its warm one) on the same prefix; and counting alone, ours ({@code count},
 * {@code countTokens}) against JTokkit's ({@code countJTokkit}, {@code countTokensOrdinary}). DJL is left out: its binding cannot empty the
 * Rust model's cache. Emptying runs in a {@link Level#Invocation} setup, outside the measured time;
 * JMH's caveat about such setups concerns operations much shorter than these (tens of ms).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class UnseenEncodeThroughput {

  /** Our tokenizer for one family, its caches emptied before each operation. */
  @State(Scope.Benchmark)
  public static class Project {
    @Param({
      "llama-3",
      "qwen3",
      "gpt-4o",
      "gpt-3.5-turbo",
      "gpt2",
      "llama-2",
      "mistral",
      "bert-base-uncased",
      "t5-small"
    })
    public String family;

    Encoder encoder;

    @Setup(Level.Trial)
    public void load() {
      encoder = Encoders.load("project", family);
    }

    @Setup(Level.Invocation)
    public void forget() {
      encoder.clearCaches();
    }

    @TearDown(Level.Trial)
    public void close() {
      if (encoder != null) {
        encoder.close();
      }
    }
  }

  @Benchmark
  public long encode(Project subject, CorpusPrefix corpus, Counters counters) {
    return EncodeThroughput.run(subject.encoder, corpus, counters);
  }

  @Benchmark
  public long jtokkit(Tiktoken subject, CorpusPrefix corpus, Counters counters) {
    return EncodeThroughput.run(subject.encoder, corpus, counters);
  }

  /** Ours counting tokens ({@code countTokens}: no {@code Encoding} built) on unseen text. */
  @Benchmark
  public long count(Project subject, CorpusPrefix corpus, Counters counters) {
    return countAll(subject.encoder, corpus, counters);
  }

  /** JTokkit's {@code countTokensOrdinary}, the call a user counting tokens makes. */
  @Benchmark
  public long countJTokkit(Tiktoken subject, CorpusPrefix corpus, Counters counters) {
    return countAll(subject.encoder, corpus, counters);
  }

  private static long countAll(Encoder encoder, CorpusPrefix corpus, Counters counters) {
    long tokens = 0;
    for (String doc : corpus.documents) {
      tokens += encoder.count(doc);
    }
    counters.bytes += corpus.bytes;
    counters.tokens += tokens;
    return tokens;
  }
}
