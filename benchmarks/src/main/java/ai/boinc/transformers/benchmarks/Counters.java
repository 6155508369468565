package ai.boinc.transformers.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * UTF-8 bytes and tokens encoded, which JMH reports beside the primary score as rates: {@code
 * bytes} and {@code tokens} in "ops/s", i.e. bytes/s and tokens/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Counters {
  public long bytes;
  public long tokens;

  @Setup(Level.Iteration)
  public void reset() {
    bytes = 0;
    tokens = 0;
  }
}
