package ai.boinc.transformers.tokenizers.decoders;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer.PrependScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaspaceDecoderTest {
  @Test
  void replacementBecomesSpaceExceptInTheFirstToken() {
    MetaspaceDecoder d = new MetaspaceDecoder('▁', PrependScheme.ALWAYS);
    assertThat(d.decodeChain(List.of("▁Hey", "▁friend!"))).containsExactly("Hey", " friend!");
    // Every replacement of the first token goes, not only a leading one.
    assertThat(d.decode(List.of("▁a▁b", "▁c"))).isEqualTo("ab c");
  }

  @Test
  void neverKeepsTheFirstSpace() {
    MetaspaceDecoder d = new MetaspaceDecoder('▁', PrependScheme.NEVER);
    assertThat(d.decodeChain(List.of("▁Hey", "▁friend!"))).containsExactly(" Hey", " friend!");
  }
}
