package ai.boinc.transformers.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch encode throughput on this 2-core machine: one caller thread encodes the {@link
 * CorpusPrefix} (1 MB) in batches of {@code batchSize} documents with the implementation's batch
 * call — our {@code Tokenizer.encodeBatch}, DJL's {@code batchEncode} (which spreads a batch over
 * Rust's thread pool, one thread per core). The implementation decides how many threads it uses;
 * compare with {@link EncodeThroughput} on the same family for the speed-up over one thread.
 * JTokkit has no batch call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class BatchThroughput {

  /** The corpus prefix cut into batches. */
  @State(Scope.Benchmark)
  public static class Batches {
    @Param("64")
    public int batchSize;

    public List<List<String>> batches;

    @Setup(Level.Trial)
    public void split(CorpusPrefix corpus) {
      batches = new ArrayList<>();
      List<String> docs = corpus.documents;
      for (int from = 0; from < docs.size(); from += batchSize) {
        batches.add(docs.subList(from, Math.min(docs.size(), from + batchSize)));
      }
    }
  }

  @Benchmark
  public long encodeBatch(
      Subject subject, CorpusPrefix corpus, Batches batches, Counters counters) {
    long tokens = 0;
    for (List<String> batch : batches.batches) {
      tokens += subject.encoder.encodeBatch(batch);
    }
    counters.bytes += corpus.bytes;
    counters.tokens += tokens;
    return tokens;
  }
}
