package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf16TrieTest {
  private final Utf16Trie trie =
      new Utf16Trie.Builder(16).add("a", 1).add("abc", 2).add("ab", 3).add("b", 4).add("a", 5).build();

  @Test
  void longestMatchWithinBounds() {
    assertThat(trie.longestMatch("abcd", 0, 4)).isEqualTo((3L << 32) | 2);
    assertThat(trie.longestMatch("abcd", 0, 2)).isEqualTo((2L << 32) | 3);
    assertThat(trie.longestMatch("abcd", 2, 4)).isEqualTo(-1L);
  }

  @Test
  void prefixesShortestFirstAndLastValueWins() {
    List<String> found = new ArrayList<>();
    trie.prefixes("abcd", 0, 4, (end, value) -> found.add(end + ":" + value));
    assertThat(found).containsExactly("1:5", "2:3", "3:2");
  }
}
