package ai.boinc.transformers.tokenizers.models;

import static ai.boinc.transformers.tokenizers.models.WordPieceTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnigramTest {
  /** The reference's doc example. */
  private static Unigram example() {
    return Unigram.newBuilder()
        .piece("<unk>", 0.0)
        .piece("a", 0.0)
        .piece("b", 0.0)
        .piece("c", 0.0)
        .piece("d", 0.0)
        .piece("cd", 1.0)
        .piece("ab", 2.0)
        .piece("abc", 5.0)
        .piece("abcd", 10.0)
        .unkId(0)
        .build();
  }

  @Test
  void bestScoringSegmentationWinsAndUnknownsFuse() {
    assertThat(run(example(), "abcdacdxx"))
        .containsExactly("abcd:8@0-4", "a:1@4-5", "cd:5@5-7", "xx:0@7-9");
  }

  @Test
  void tiesKeepThePathFoundFirst() {
    // "ab" as one piece (-2) is found while scanning from 0, before a + b (-2) completes.
    Unigram tie =
        Unigram.newBuilder().piece("<unk>", 0).piece("a", -1).piece("b", -1).piece("ab", -2)
            .unkId(0).build();
    assertThat(run(tie, "ab")).containsExactly("ab:3@0-2");
    Unigram better =
        Unigram.newBuilder().piece("<unk>", 0).piece("a", -1).piece("b", -1).piece("ab", -2.5)
            .unkId(0).build();
    assertThat(run(better, "ab")).containsExactly("a:1@0-1", "b:2@1-2");
  }

  @Test
  void unknownCharactersKeepTheirTextAndGetUnkId() {
    assertThat(run(example(), "xay")).containsExactly("x:0@0-1", "a:1@1-2", "y:0@2-3");
  }

  @Test
  void byteFallbackSpellsUnknownTextInBytes() {
    Unigram.Builder b = Unigram.newBuilder().piece("<unk>", 0).piece("a", -1).unkId(0);
    for (int i = 0; i < 256; i++) {
      b.piece(String.format("<0x%02X>", i), -10);
    }
    Unigram u = b.byteFallback(true).build();
    assertThat(run(u, "aé"))
        .containsExactly("a:1@0-1", "<0xC3>:197@1-2", "<0xA9>:171@1-2");
  }

  @Test
  void withoutUnkIdUnknownTextFails() {
    Unigram u = Unigram.newBuilder().piece("a", -1).build();
    assertThat(run(u, "aa")).hasSize(2);
    assertThatThrownBy(() -> run(u, "ab")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unkIdMustBeAPiece() {
    assertThatThrownBy(() -> Unigram.newBuilder().piece("a", 0).unkId(1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Unigram.newBuilder().unkId(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void repeatedPieceMapsToItsLastId() {
    Unigram u = Unigram.newBuilder().piece("<unk>", 0).piece("a", -1).piece("a", -3).unkId(0).build();
    assertThat(u.tokenToId("a")).hasValue(2);
    assertThat(u.idToToken(1)).hasValue("a");
    assertThat(u.vocabSize()).isEqualTo(3);
  }
}
