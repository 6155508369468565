package ai.boinc.transformers.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The text of one throughput operation: the first whole documents of the corpus that add up to at
 * most {@code corpusBytes} bytes of UTF-8 (1 MB by default: 413 documents, 999,037 bytes; {@code -p
 * corpusBytes=8472434} takes the whole corpus). A fixed prefix keeps every implementation on the
 * same text, and one operation short enough for two-second iterations.
 */
@State(Scope.Benchmark)
public class CorpusPrefix {
  @Param("1000000")
  public long corpusBytes;

  /** The documents of one operation. */
  public List<String> documents;

  /** Their UTF-8 size. */
  public long bytes;

  @Setup(Level.Trial)
  public void load() {
    documents = Corpus.prefix(corpusBytes);
    bytes = Corpus.utf8Bytes(documents);
  }
}
