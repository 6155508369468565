package ai.boinc.transformers.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import org.junit.jupiter.api.Test;

class TokenizeOptionsTest {
  @Test
  void defaultsUseTheTokenizersTruncationAndNoPadding() {
    EncodeOptions options = TokenizeOptions.defaults().encodeOptions();
    assertThat(options).isEqualTo(EncodeOptions.newBuilder().noPadding().build());
    assertThat(TokenizeOptions.defaults().onError()).isEqualTo(OnError.FAIL);
    assertThat(TokenizeOptions.defaults().batchSize()).isEqualTo(256);
  }

  @Test
  void mapsOntoEncodeOptions() {
    EncodeOptions options = TokenizeOptions.newBuilder()
        .addSpecialTokens(false).truncate(128).padToLength(128).build().encodeOptions();
    assertThat(options).isEqualTo(EncodeOptions.newBuilder().addSpecialTokens(false)
        .truncation(Truncation.toMaxLength(128)).padding(Padding.fixed(128)).build());
    assertThat(TokenizeOptions.newBuilder().noTruncation().build().encodeOptions())
        .isEqualTo(EncodeOptions.newBuilder().noTruncation().noPadding().build());
  }

  @Test
  void rejectsNonPositiveSizes() {
    assertThatThrownBy(() -> TokenizeOptions.newBuilder().truncate(0))
        .hasMessage("maxLength must be positive, got 0");
    assertThatThrownBy(() -> TokenizeOptions.newBuilder().padToLength(-1))
        .hasMessage("length must be positive, got -1");
    assertThatThrownBy(() -> TokenizeOptions.newBuilder().maxChars(0))
        .hasMessage("maxChars must be positive, got 0");
    assertThatThrownBy(() -> TokenizeOptions.newBuilder().batchSize(0))
        .hasMessage("batchSize must be positive, got 0");
  }
}
