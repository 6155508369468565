package ai.boinc.transformers.tokenizers.models;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * JSON model type {@code WordLevel}: each piece is looked up whole; a piece missing from the
 * vocabulary becomes the unknown token. Encoding such a piece fails with {@link
 * IllegalStateException} if the unknown token is itself missing (as in the reference). Immutable
 * and thread-safe.
 */
public final class WordLevel implements Model {
  private final Vocabulary vocab;
  private final String unkToken;

  /** @throws IllegalArgumentException if an id is negative */
  public WordLevel(Map<String, Integer> vocab, String unkToken) {
    this.vocab = new Vocabulary(vocab);
    this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
  }

  public String unkToken() {
    return unkToken;
  }

  @Override
  public void tokenize(String text, TokenSink sink) {
    if (text.isEmpty()) {
      return;
    }
    Integer id = vocab.get(text);
    if (id != null) {
      sink.token(id, text, 0, text.length());
      return;
    }
    sink.token(vocab.unknownId("WordLevel", unkToken), unkToken, 0, text.length());
  }

  @Override
  public OptionalInt tokenToId(String token) {
    return vocab.tokenToId(token);
  }

  @Override
  public Optional<String> idToToken(int id) {
    return vocab.idToToken(id);
  }

  @Override
  public int vocabSize() {
    return vocab.size();
  }

  @Override
  public String toString() {
    return "WordLevel{vocab=" + vocab.size() + ", unkToken=" + unkToken + "}";
  }
}
