package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class NfkcNormalizerTest {
  @Test
  void compatibilityCharactersExpandOverTheirOriginal() {
    NormalizedString s = Spans.normalize(new NfkcNormalizer(), "\ufb01x\u2460");
    assertThat(s.normalized()).isEqualTo("fix1");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[0,1]", "[1,2]", "[2,3]");
  }

  @Test
  void fullwidthAndSquares() {
    assertThat(new NfkcNormalizer().normalize("\uff21\u3392")).isEqualTo("AMHz");
  }
}
