package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way of adding tokens fills every column as its documentation says. */
class EncodingBuilderTest {
  private static final Encoding E =
      Encoding.builder()
          .ids(new int[] {10, 11, 12})
          .tokens(new String[] {"a", "b", "c"})
          .typeIds(new int[] {1, 1, 1})
          .attentionMask(new int[] {1, 1, 1})
          .specialTokensMask(new int[] {0, 1, 0})
          .wordIds(new int[] {0, -1, 1})
          .sequenceIds(new int[] {0, 0, 0})
          .offsets(new int[] {0, 1, 0, 0, 2, 3})
          .build();

  @Test
  void appendKeepsEveryColumnAndRangesSlice() {
    assertThat(new EncodingBuilder(3).append(E).build()).isEqualTo(E);
    Encoding tail = new EncodingBuilder(2).append(E, 1, 3).build();
    assertThat(tail.ids()).containsExactly(11, 12);
    assertThat(tail.tokens()).containsExactly("b", "c");
    assertThat(tail.specialTokensMask()).containsExactly(1, 0);
    assertThat(tail.wordIds()).containsExactly(-1, 1);
    assertThat(tail.offsets()).isDeepEqualTo(new int[][] {{0, 0}, {2, 3}});
  }

  @Test
  void typedAndSequencedAppendsReplaceTheirColumnsOnly() {
    Encoding typed = new EncodingBuilder(3).appendTyped(E, 0).build();
    assertThat(typed.typeIds()).containsExactly(0, 0, 0);
    assertThat(typed.sequenceIds()).containsExactly(0, 0, 0);
    Encoding second = new EncodingBuilder(3).appendInSequence(E, 1).build();
    assertThat(second.typeIds()).containsExactly(1, 1, 1);
    assertThat(second.sequenceIds()).containsExactly(1, 1, 1);
    Encoding both = new EncodingBuilder(3).appendSequence(E, 2, 1).build();
    assertThat(both.typeIds()).containsExactly(2, 2, 2);
    assertThat(both.sequenceIds()).containsExactly(1, 1, 1);
    assertThat(both.ids()).containsExactly(E.ids());
    assertThat(both.wordIds()).containsExactly(E.wordIds());
  }

  @Test
  void specialTokensAndPaddingBelongToNoWordOrSequence() {
    Padding padding = Padding.newBuilder().padId(0).padToken("<pad>").padTypeId(3).build();
    Encoding e =
        new EncodingBuilder(6).addSpecial(1, "<s>", 0).append(E).addPadding(padding, 2)
            .overflowing(List.of(E)).build();
    assertThat(e.ids()).containsExactly(1, 10, 11, 12, 0, 0);
    assertThat(e.tokens()).containsExactly("<s>", "a", "b", "c", "<pad>", "<pad>");
    assertThat(e.typeIds()).containsExactly(0, 1, 1, 1, 3, 3);
    assertThat(e.attentionMask()).containsExactly(1, 1, 1, 1, 0, 0);
    assertThat(e.specialTokensMask()).containsExactly(1, 0, 1, 0, 1, 1);
    assertThat(e.wordIds()).containsExactly(-1, 0, -1, 1, -1, -1);
    assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, 0, -1, -1);
    assertThat(e.startOffset(0)).isZero();
    assertThat(e.endOffset(4)).isZero();
    assertThat(e.overflowing()).containsExactly(E);
  }

  @Test
  void buildingFewerTokensThanSizedIsAnError() {
    assertThatThrownBy(() -> new EncodingBuilder(4).append(E).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3 tokens added to an encoding of 4");
  }

  @Test
  void flatOffsetsAndCopyOf() {
    assertThat(EncodingBuilder.flatOffsets(E)).containsExactly(0, 1, 0, 0, 2, 3);
    assertThat(EncodingBuilder.copyOf(E).build()).isEqualTo(E);
  }
}
