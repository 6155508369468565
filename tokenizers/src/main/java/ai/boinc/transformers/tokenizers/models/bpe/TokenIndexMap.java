package ai.boinc.transformers.tokenizers.models.bpe;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A vocabulary in which no token repeats, as a read-only map answered by its {@link TokenIndex}:
 * no hash map of 100k–200k boxed entries to build at load (tens of milliseconds in a fresh JVM)
 * or to keep. Iteration makes each token's string anew; only look-ups are meant to be fast.
 * Immutable.
 */
final class TokenIndexMap extends AbstractMap<String, Integer> {
  private final TokenIndex index;

  /** {@code index} must hold no repeated token. */
  TokenIndexMap(TokenIndex index) {
    if (index.size() != index.entries()) {
      throw new IllegalArgumentException("the index holds repeated tokens");
    }
    this.index = index;
  }

  @Override
  public Integer get(Object key) {
    if (!(key instanceof String)) {
      return null;
    }
    String s = (String) key;
    int id = index.find(s.hashCode(), s, 0, s.length());
    return id < 0 ? null : id;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public Set<Entry<String, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return index.size();
      }

      @Override
      public Iterator<Entry<String, Integer>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < index.entries();
          }

          @Override
          public Entry<String, Integer> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int k = next++;
            return new SimpleImmutableEntry<>(index.token(k), index.id(k));
          }
        };
      }
    };
  }
}
