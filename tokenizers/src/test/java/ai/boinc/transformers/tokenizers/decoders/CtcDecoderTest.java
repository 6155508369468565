package ai.boinc.transformers.tokenizers.decoders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
  private final CtcDecoder ctc = new CtcDecoder("<pad>", "|", true);

  @Test
  void collapsesRepeatsDropsPaddingAndCleansUp() {
    List<String> tokens =
        List.of("<pad>", "h", "h", "e", "e", "l", "l", "<pad>", "l", "o", "o", "o", "|", "w", "o",
            "r", "l", "d", " .", "|");
    assertThat(ctc.decode(tokens)).isEqualTo("hello world. ");
    assertThat(ctc.decode(List.of("a", "|", " do not", "|", "|", "b"))).isEqualTo("a  don't b");
  }

  @Test
  void withoutCleanupTheDelimiterStays() {
    assertThat(new CtcDecoder("<pad>", "|", false).decode(List.of("a", "|", "b"))).isEqualTo("a|b");
  }
}
