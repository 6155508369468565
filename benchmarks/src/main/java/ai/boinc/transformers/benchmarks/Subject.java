package ai.boinc.transformers.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The tokenizer under test: one family, loaded by our tokenizer ({@code project}) or by DJL, once
 * per fork. For a family that our tokenizer cannot load yet, setup throws {@link NotSupportedYet}
 * and JMH moves on to the next combination.
 */
@State(Scope.Benchmark)
public class Subject {
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

  /** The loaded tokenizer. */
  public Encoder encoder;

  @Setup(Level.Trial)
  public void load() {
    encoder = Encoders.load(impl, family);
  }

  @TearDown(Level.Trial)
  public void close() {
    if (encoder != null) {
      encoder.close();
    }
  }
}
