package ai.boinc.transformers.tokenizers.decoders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BpeDecoderTest {
  @Test
  void suffixBecomesSpaceExceptInTheLastToken() {
    assertThat(new BpeDecoder("</w>").decode(List.of("hello</w>", "wor", "ld</w>", "a</w>b</w>")))
        .isEqualTo("hello world ab");
    assertThat(new BpeDecoder("</w>").decode(List.of())).isEmpty();
  }
}
