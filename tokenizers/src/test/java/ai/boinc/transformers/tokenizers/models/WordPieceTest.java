package ai.boinc.transformers.tokenizers.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordPieceTest {
  static List<String> run(Model m, String text) {
    List<String> out = new ArrayList<>();
    m.tokenize(text, (id, value, start, end) -> out.add(value + ":" + id + "@" + start + "-" + end));
    return out;
  }

  static Map<String, Integer> vocab(String... tokens) {
    Map<String, Integer> v = new HashMap<>();
    for (String t : tokens) {
      v.put(t, v.size());
    }
    return v;
  }

  private final WordPiece wp =
      WordPiece.newBuilder()
          .vocab(vocab("[UNK]", "un", "##aff", "##able", "u", "##n", "a", "##a", "😀", "##😀"))
          .build();

  @Test
  void greedyLongestMatchFirst() {
    assertThat(run(wp, "unaffable"))
        .containsExactly("un:1@0-2", "##aff:2@2-5", "##able:3@5-9");
  }

  @Test
  void aPositionWithoutMatchMakesTheWholeWordUnknown() {
    assertThat(run(wp, "unaffablex")).containsExactly("[UNK]:0@0-10");
    assertThat(run(wp, "x")).containsExactly("[UNK]:0@0-1");
  }

  @Test
  void continuationsNeedThePrefixedEntry() {
    // "a" exists, "##a" exists; "aa" = a ##a.
    assertThat(run(wp, "aa")).containsExactly("a:6@0-1", "##a:7@1-2");
  }

  @Test
  void astralCharactersAreWholeUnits() {
    assertThat(run(wp, "😀😀")).containsExactly("😀:8@0-2", "##😀:9@2-4");
  }

  @Test
  void wordsLongerThanTheLimitAreUnknown() {
    WordPiece short3 =
        WordPiece.newBuilder().vocab(vocab("[UNK]", "a", "##a")).maxInputCharsPerWord(3).build();
    assertThat(run(short3, "aaa")).hasSize(3);
    assertThat(run(short3, "aaaa")).containsExactly("[UNK]:0@0-4");
    // The limit counts code points, not UTF-16 units.
    WordPiece emoji =
        WordPiece.newBuilder().vocab(vocab("[UNK]", "😀", "##😀")).maxInputCharsPerWord(2).build();
    assertThat(run(emoji, "😀😀")).hasSize(2);
  }

  @Test
  void missingUnknownTokenFailsOnlyWhenNeeded() {
    WordPiece noUnk = WordPiece.newBuilder().vocab(vocab("a")).build();
    assertThat(run(noUnk, "a")).containsExactly("a:0@0-1");
    assertThatThrownBy(() -> run(noUnk, "b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[UNK]");
  }

  @Test
  void lookups() {
    assertThat(wp.tokenToId("##aff")).hasValue(2);
    assertThat(wp.idToToken(3)).hasValue("##able");
    assertThat(wp.idToToken(99)).isEmpty();
    assertThat(wp.vocabSize()).isEqualTo(10);
  }
}
