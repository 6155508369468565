package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link Utf16Trie}'s look-ups equal a map of its keys searched substring by substring, on
 * arbitrary UTF-16 (lone surrogates, any plane), with repeated keys (the last value wins), keys
 * that are prefixes of others, and nodes with many children (binary searched). Replay a failure
 * with {@code -DQT_SEED=<seed>}.
 */
class Utf16TriePropertyTest {
  private static Gen<String> key() {
    return Generate.pick(List.of("a", "ab", "abc", "b", "\u2581", "\u2581a", "\ud83d", "\ude00",
            "\ud83d\ude00", "\uffff", "\u0000"))
        .mix(strings().betweenCodePoints(0x61, 0x7A).ofLengthBetween(1, 4), 40)
        .mix(strings().allPossible().ofLengthBetween(1, 3), 30);
  }

  @Test
  void lookUpsEqualAMapOfTheKeys() {
    qt().withExamples(2000)
        .forAll(lists().of(key()).ofSizeBetween(0, 60), lists().of(key()).ofSizeBetween(0, 6))
        .checkAssert(
            (keys, parts) -> {
              Utf16Trie.Builder b = new Utf16Trie.Builder(16);
              Map<String, Integer> map = new HashMap<>();
              for (int i = 0; i < keys.size(); i++) {
                b.add(keys.get(i), i);
                map.put(keys.get(i), i);
              }
              Utf16Trie trie = b.build();
              String text = String.join("", parts);
              for (String k : keys) {
                assertThat(trie.get(k)).isEqualTo(map.get(k));
              }
              assertThat(trie.get(text)).isEqualTo(map.getOrDefault(text, Utf16Trie.NONE));
              for (int start = 0; start <= text.length(); start++) {
                List<String> expected = new ArrayList<>();
                long longest = -1;
                for (int end = start + 1; end <= text.length(); end++) {
                  Integer v = map.get(text.substring(start, end));
                  if (v != null) {
                    expected.add(end + ":" + v);
                    longest = ((long) end << 32) | v;
                  }
                }
                List<String> found = new ArrayList<>();
                trie.prefixes(text, start, text.length(), (end, v) -> found.add(end + ":" + v));
                assertThat(found).isEqualTo(expected);
                assertThat(trie.longestMatch(text, start, text.length())).isEqualTo(longest);
              }
            });
  }
}
