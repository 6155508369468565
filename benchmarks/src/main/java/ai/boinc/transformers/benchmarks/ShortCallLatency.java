package ai.boinc.transformers.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one short call: the average time of one {@code encode} of {@link Corpus#SHORT_TEXT}
 * (60 characters), special tokens added, on a warmed-up tokenizer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class ShortCallLatency {

  /** The text, read from a field so that the JIT cannot treat it as a constant. */
  @State(Scope.Thread)
  public static class Text {
    public String text = Corpus.SHORT_TEXT;
  }

  @Benchmark
  public int encode(Subject subject, Text text) {
    return subject.encoder.encode(text.text);
  }

  @Benchmark
  public int jtokkit(Tiktoken subject, Text text) {
    return subject.encoder.encode(text.text);
  }
}
