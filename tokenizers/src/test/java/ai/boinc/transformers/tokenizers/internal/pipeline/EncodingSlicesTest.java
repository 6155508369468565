package ai.boinc.transformers.tokenizers.internal.pipeline;

import static ai.boinc.transformers.tokenizers.internal.pipeline.PostProcessingTest.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import org.junit.jupiter.api.Test;

class EncodingSlicesTest {
  @Test
  void rightWithStride() {
    // The reference's truncate_overflow_with_stride: 5 tokens, max 4, stride 2.
    Encoding e = EncodingSlices.truncate(seq(5, 1), 4, 2, Truncation.Direction.RIGHT);
    assertThat(e.ids()).containsExactly(1, 2, 3, 4);
    assertThat(e.overflowing()).hasSize(1);
    assertThat(e.overflowing().get(0).ids()).containsExactly(3, 4, 5);
    assertThat(e.overflowing().get(0).startOffset(0)).isEqualTo(2);
  }

  @Test
  void leftKeepsTheEnd() {
    Encoding e = EncodingSlices.truncate(seq(3, 1), 2, 0, Truncation.Direction.LEFT);
    assertThat(e.ids()).containsExactly(2, 3);
    assertThat(e.overflowing().get(0).ids()).containsExactly(1);
  }

  @Test
  void zeroMovesEverythingToOverflow() {
    Encoding e = EncodingSlices.truncate(seq(3, 1), 0, 0, Truncation.Direction.RIGHT);
    assertThat(e.size()).isZero();
    assertThat(e.overflowing().get(0).ids()).containsExactly(1, 2, 3);
  }

  @Test
  void strideMustBeSmallerThanTheLength() {
    assertThatThrownBy(() -> EncodingSlices.truncate(seq(5, 1), 2, 2, Truncation.Direction.RIGHT))
        .isInstanceOf(IllegalArgumentException.class);
    // No cut needed, no check.
    assertThat(EncodingSlices.truncate(seq(2, 1), 2, 5, Truncation.Direction.RIGHT).size())
        .isEqualTo(2);
  }

  @Test
  void padLeftAndRight() {
    Padding right = Padding.newBuilder().padId(0).padToken("[PAD]").build();
    Encoding r = EncodingSlices.pad(seq(2, 5), 4, right);
    assertThat(r.ids()).containsExactly(5, 6, 0, 0);
    assertThat(r.attentionMask()).containsExactly(1, 1, 0, 0);
    assertThat(r.specialTokensMask()).containsExactly(0, 0, 1, 1);
    assertThat(r.tokens()).containsExactly("t5", "t6", "[PAD]", "[PAD]");
    Padding left = right.toBuilder().direction(Padding.Direction.LEFT).padTypeId(3).build();
    Encoding l = EncodingSlices.pad(seq(2, 5), 3, left);
    assertThat(l.ids()).containsExactly(0, 5, 6);
    assertThat(l.typeIds()).containsExactly(3, 0, 0);
    assertThat(l.startOffset(1)).isEqualTo(0);
    assertThat(l.endOffset(2)).isEqualTo(2);
    assertThat(EncodingSlices.pad(seq(4, 0), 2, right).size()).isEqualTo(4);
  }
}
