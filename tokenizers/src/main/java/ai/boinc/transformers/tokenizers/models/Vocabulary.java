package ai.boinc.transformers.tokenizers.models;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A token-to-id map and its inverse, shared by the models that look whole tokens up. Immutable. */
final class Vocabulary {
  private final Map<String, Integer> ids;
  private final Map<Integer, String> tokens;

  /** @throws IllegalArgumentException if an id is negative */
  Vocabulary(Map<String, Integer> vocab) {
    this.ids = Map.copyOf(vocab);
    Map<Integer, String> reverse = new HashMap<>(ids.size() * 2);
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative id " + e.getValue() + " for '" + e.getKey() + "'");
      }
      reverse.put(e.getValue(), e.getKey());
    }
    this.tokens = reverse;
  }

  Map<String, Integer> asMap() {
    return ids;
  }

  /** The id of {@code token}, or null. */
  Integer get(String token) {
    return ids.get(token);
  }

  /**
   * The id of the unknown token.
   *
   * @throws IllegalStateException if the vocabulary lacks it, as the reference errors
   */
  int unknownId(String model, String unkToken) {
    Integer id = ids.get(unkToken);
    if (id == null) {
      throw new IllegalStateException(
          model + ": the unknown token '" + unkToken + "' is missing from the vocabulary");
    }
    return id;
  }

  OptionalInt tokenToId(String token) {
    Integer id = ids.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  Optional<String> idToToken(int id) {
    return Optional.ofNullable(tokens.get(id));
  }

  int size() {
    return ids.size();
  }
}
