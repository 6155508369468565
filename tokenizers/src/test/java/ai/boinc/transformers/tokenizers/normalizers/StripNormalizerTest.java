package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class StripNormalizerTest {
  @Test
  void stripsUnicodeWhitespaceOnTheChosenSides() {
    NormalizedString s = Spans.normalize(new StripNormalizer(true, true), "\u3000 ab\n ");
    assertThat(s.normalized()).isEqualTo("ab");
    assertThat(Spans.of(s)).containsExactly("[2,3]", "[3,4]");
    assertThat(new StripNormalizer(false, true).normalize("  a  ")).isEqualTo("  a");
    assertThat(new StripNormalizer(true, false).normalize("  a  ")).isEqualTo("a  ");
    assertThat(new StripNormalizer(true, true).normalize("   ")).isEmpty();
  }
}
