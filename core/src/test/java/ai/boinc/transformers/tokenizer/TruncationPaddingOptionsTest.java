package ai.boinc.transformers.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TruncationPaddingOptionsTest {
  @Test
  void truncationDefaultsAndValidation() {
    Truncation t = Truncation.toMaxLength(8);
    assertThat(t.stride()).isZero();
    assertThat(t.strategy()).isEqualTo(Truncation.Strategy.LONGEST_FIRST);
    assertThat(t.direction()).isEqualTo(Truncation.Direction.RIGHT);
    assertThat(t.toBuilder().build()).isEqualTo(t).hasSameHashCodeAs(t);
    assertThatThrownBy(() -> Truncation.newBuilder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Truncation.newBuilder().maxLength(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Truncation.newBuilder().stride(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paddingTargetLength() {
    assertThat(Padding.batchLongest().targetLength(5)).isEqualTo(5);
    assertThat(Padding.fixed(7).targetLength(5)).isEqualTo(7);
    assertThat(Padding.newBuilder().padToMultipleOf(8).build().targetLength(9)).isEqualTo(16);
    assertThat(Padding.newBuilder().padToMultipleOf(8).build().targetLength(16)).isEqualTo(16);
    assertThat(Padding.fixed(7).toBuilder().padToMultipleOf(8).build().targetLength(1)).isEqualTo(8);
    assertThat(Padding.newBuilder().padToMultipleOf(0).build().targetLength(3)).isEqualTo(3);
    Padding p = Padding.fixed(3).toBuilder().direction(Padding.Direction.LEFT).padToken("<pad>").build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.fixedLength()).hasValue(3);
    assertThat(Padding.batchLongest().fixedLength()).isEmpty();
    assertThat(Padding.batchLongest().padToken()).isEqualTo("[PAD]");
  }

  @Test
  void optionsChooseBetweenTokenizerOwnAndNone() {
    Optional<Truncation> own = Optional.of(Truncation.toMaxLength(4));
    Truncation mine = Truncation.toMaxLength(9);
    EncodeOptions defaults = EncodeOptions.defaults();
    assertThat(defaults.usesTokenizerTruncation()).isTrue();
    assertThat(defaults.truncationOr(own)).isEqualTo(own);
    EncodeOptions given = EncodeOptions.newBuilder().truncation(mine).build();
    assertThat(given.truncationOr(own)).hasValue(mine);
    EncodeOptions none = EncodeOptions.newBuilder().noTruncation().noPadding().build();
    assertThat(none.truncationOr(own)).isEmpty();
    assertThat(none.paddingOr(Optional.of(Padding.batchLongest()))).isEmpty();
    assertThat(none.toBuilder().build()).isEqualTo(none);
    assertThat(given.toBuilder().tokenizerTruncation().build().usesTokenizerTruncation()).isTrue();
    assertThat(EncodeOptions.newBuilder().padding(Padding.fixed(3)).build().paddingOr(Optional.empty()))
        .hasValue(Padding.fixed(3));
  }
}
