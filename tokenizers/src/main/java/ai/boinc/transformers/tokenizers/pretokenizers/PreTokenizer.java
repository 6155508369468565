package ai.boinc.transformers.tokenizers.pretokenizers;

/**
 * Splits the pieces of a {@link PreTokenizedString} further (on whitespace, punctuation, a
 * regular expression, ...), typically through {@link PreTokenizedString#splitEach}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PreTokenizer {
  void preTokenize(PreTokenizedString text);
}
