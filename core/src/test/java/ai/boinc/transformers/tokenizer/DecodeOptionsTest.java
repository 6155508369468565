package ai.boinc.transformers.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodeOptionsTest {
  @Test
  void factoriesLeaveCleanUpToTheTokenizer() {
    assertThat(DecodeOptions.defaults().skipsSpecialTokens()).isFalse();
    assertThat(DecodeOptions.defaults().cleanUpTokenizationSpaces()).isEmpty();
    assertThat(DecodeOptions.skipSpecialTokens().skipsSpecialTokens()).isTrue();
    assertThat(DecodeOptions.skipSpecialTokens().cleanUpTokenizationSpaces()).isEmpty();
  }

  @Test
  void builderSetsAndCopies() {
    DecodeOptions o =
        DecodeOptions.newBuilder().skipSpecialTokens(true).cleanUpTokenizationSpaces(false).build();
    assertThat(o.skipsSpecialTokens()).isTrue();
    assertThat(o.cleanUpTokenizationSpaces()).hasValue(false);
    assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(DecodeOptions.newBuilder().skipSpecialTokens(true).build())
        .isEqualTo(DecodeOptions.skipSpecialTokens())
        .isNotEqualTo(o);
    assertThat(o.toString()).contains("cleanUpTokenizationSpaces=false");
  }
}
