package ai.boinc.transformers.benchmarks;

import java.util.List;

/**
 * One tokenizer under test, behind the smallest interface the benchmarks need. Every method returns
 * something computed from the implementation's full result so that the JIT cannot drop the work.
 * Implementations are thread-safe.
 */
public interface Encoder extends AutoCloseable {
  /** Which implementation: {@code project}, {@code djl} or {@code jtokkit}. */
  String impl();

  /** Encodes {@code text} with special tokens added; returns the number of tokens. */
  int encode(String text);

  /**
   * The number of tokens of {@code text}, special tokens added, by the implementation's counting
   * call where it has one (ours: {@code countTokens}; JTokkit: {@code countTokensOrdinary}), else
   * by {@link #encode}.
   */
  default int count(String text) {
    return encode(text);
  }

  /**
   * Encodes every text with the implementation's own batch call (which may use several threads);
   * returns the total number of tokens.
   *
   * @throws UnsupportedOperationException if the implementation has no batch call
   */
  long encodeBatch(List<String> texts);

  /** The token ids of {@code text}, special tokens added. */
  int[] ids(String text);

  /**
   * Forgets every earlier text, so that the next encode runs as on text never seen (for {@link
   * UnseenEncodeThroughput}); returns false if the implementation cannot.
   */
  boolean clearCaches();

  /** Frees native memory, if any. */
  @Override
  void close();
}
