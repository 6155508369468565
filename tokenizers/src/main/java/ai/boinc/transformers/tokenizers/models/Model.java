package ai.boinc.transformers.tokenizers.models;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns one piece of normalized text into tokens of a vocabulary, and maps between tokens and
 * ids.
 *
 * <p>Implementations are immutable (apart from internal caches) and thread-safe.
 */
public interface Model {
  /** Tokenizes {@code text} into {@code sink}; empty text gives no tokens. */
  void tokenize(String text, TokenSink sink);

  OptionalInt tokenToId(String token);

  Optional<String> idToToken(int id);

  /** Number of entries in the vocabulary. */
  int vocabSize();
}
