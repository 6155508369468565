package ai.boinc.transformers.tokenizers.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.processors.TemplateProcessing.Piece;
import ai.boinc.transformers.tokenizers.processors.TemplateProcessing.SpecialToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateProcessingTest {
  private final TemplateProcessing bert =
      new TemplateProcessing(
          List.of(Piece.specialToken("[CLS]", 0), Piece.sequence(0, 0), Piece.specialToken("[SEP]", 0)),
          List.of(
              Piece.specialToken("[CLS]", 0),
              Piece.sequence(0, 0),
              Piece.specialToken("[SEP]", 0),
              Piece.sequence(1, 1),
              Piece.specialToken("[SEP]", 1)),
          Map.of(
              "[CLS]", new SpecialToken("[CLS]", new int[] {101}, List.of("[CLS]")),
              "[SEP]", new SpecialToken("[SEP]", new int[] {102}, List.of("[SEP]"))));

  private static Encoding seq(int id, String token, int start, int end) {
    return Encoding.builder()
        .ids(new int[] {id})
        .tokens(new String[] {token})
        .offsets(new int[] {start, end})
        .wordIds(new int[] {0})
        .sequenceIds(new int[] {0})
        .build();
  }

  @Test
  void singleWithSpecialTokens() {
    Encoding e = bert.process(List.of(seq(7, "hi", 0, 2)), true);
    assertThat(e.ids()).containsExactly(101, 7, 102);
    assertThat(e.specialTokensMask()).containsExactly(1, 0, 1);
    assertThat(e.sequenceIds()).containsExactly(Encoding.NONE, 0, Encoding.NONE);
    assertThat(e.offsets()[2]).containsExactly(0, 0);
    assertThat(bert.addedTokens(false)).isEqualTo(2);
  }

  @Test
  void pairTakesTypeIdsFromTheTemplate() {
    Encoding e = bert.process(List.of(seq(7, "hi", 0, 2), seq(8, "yo", 0, 2)), true);
    assertThat(e.ids()).containsExactly(101, 7, 102, 8, 102);
    assertThat(e.typeIds()).containsExactly(0, 0, 0, 1, 1);
    assertThat(e.sequenceIds()).containsExactly(-1, 0, -1, 1, -1);
  }

  @Test
  void withoutSpecialTokensTypeIdsStillApply() {
    Encoding e = bert.process(List.of(seq(7, "hi", 0, 2), seq(8, "yo", 0, 2)), false);
    assertThat(e.ids()).containsExactly(7, 8);
    assertThat(e.typeIds()).containsExactly(0, 1);
    assertThat(e.sequenceIds()).containsExactly(0, 1);
  }

  @Test
  void missingSpecialTokenIsRejected() {
    assertThatThrownBy(
            () -> new TemplateProcessing(List.of(Piece.specialToken("<x>", 0)), List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<x>");
  }
}
