package ai.boinc.transformers.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread encode throughput: one operation encodes every document of the {@link CorpusPrefix}
 * (1 MB) one {@code encode} call at a time, special tokens added. The primary score is
 * operations/s; {@link Counters} adds UTF-8 bytes/s and tokens/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class EncodeThroughput {

  @Benchmark
  public long encode(Subject subject, CorpusPrefix corpus, Counters counters) {
    return run(subject.encoder, corpus, counters);
  }

  @Benchmark
  public long jtokkit(Tiktoken subject, CorpusPrefix corpus, Counters counters) {
    return run(subject.encoder, corpus, counters);
  }

  static long run(Encoder encoder, CorpusPrefix corpus, Counters counters) {
    long tokens = 0;
    for (String doc : corpus.documents) {
      tokens += encoder.encode(doc);
    }
    counters.bytes += corpus.bytes;
    counters.tokens += tokens;
    return tokens;
  }
}
