package ai.boinc.transformers.tokenizers.models;

import java.util.HashMap;
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
  private final Map<String, Integer> vocab;
  private final Map<Integer, String> idToToken;
  private final String unkToken;

  /** @throws IllegalArgumentException if an id is negative */
  public WordLevel(Map<String, Integer> vocab, String unkToken) {
    this.vocab = Map.copyOf(vocab);
    this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
    Map<Integer, String> reverse = new HashMap<>(this.vocab.size() * 2);
    for (Map.Entry<String, Integer> e : this.vocab.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative id " + e.getValue() + " for '" + e.getKey() + "'");
      }
      reverse.put(e.getValue(), e.getKey());
    }
    this.idToToken = reverse;
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
    Integer unk = vocab.get(unkToken);
    if (unk == null) {
      throw new IllegalStateException(
          "WordLevel: the unknown token '" + unkToken + "' is missing from the vocabulary");
    }
    sink.token(unk, unkToken, 0, text.length());
  }

  @Override
  public OptionalInt tokenToId(String token) {
    Integer id = vocab.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public Optional<String> idToToken(int id) {
    return Optional.ofNullable(idToToken.get(id));
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
