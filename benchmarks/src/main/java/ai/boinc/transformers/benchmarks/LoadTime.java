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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to load a {@code tokenizer.json} from disk into a tokenizer ready to encode.
 *
 * <ul>
 *   <li>{@code cold}: the first load in a fresh JVM — one load per fork, {@value #COLD_FORKS} forks
 *       — so class loading, interpretation and (for DJL) loading the native library are included.
 *       The file itself is in the OS page cache after the first fork.
 *   <li>{@code warm}: the average load once the JVM has loaded the same file repeatedly (code
 *       compiled).
 * </ul>
 *
 * For JTokkit ({@code coldJTokkit}, {@code warmJTokkit}) a load builds o200k from the ranks bundled
 * in its jar, in a new registry. DJL tokenizers are closed after each load, outside the measured
 * time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LoadTime {
  static final int COLD_FORKS = 3;

  /** What to load, and the last loaded tokenizer, closed after each call. */
  @State(Scope.Benchmark)
  public static class Load {
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

    @Param({"project", "djl"})
    public String impl;

    Encoder last;

    @TearDown(Level.Invocation)
    public void close() {
      if (last != null) {
        last.close();
        last = null;
      }
    }
  }

  /** The last loaded JTokkit encoding. */
  @State(Scope.Benchmark)
  public static class LoadJTokkit {
    Encoder last;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(
      value = COLD_FORKS,
      jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Encoder cold(Load load) {
    return load.last = Encoders.load(load.impl, load.family);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 3, time = 1)
  public Encoder warm(Load load) {
    return load.last = Encoders.load(load.impl, load.family);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(
      value = COLD_FORKS,
      jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Encoder coldJTokkit(LoadJTokkit load) {
    return load.last = Encoders.load("jtokkit", Families.O200K);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 3, time = 1)
  public Encoder warmJTokkit(LoadJTokkit load) {
    return load.last = Encoders.load("jtokkit", Families.O200K);
  }
}
