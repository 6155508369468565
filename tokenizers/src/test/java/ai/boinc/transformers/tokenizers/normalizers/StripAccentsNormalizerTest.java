package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class StripAccentsNormalizerTest {
  @Test
  void removesMarksAndKeepsTheSpansOfWhatStays() {
    NormalizedString s = Spans.normalize(new StripAccentsNormalizer(), "\u0301e\u0301\u0327x");
    assertThat(s.normalized()).isEqualTo("ex");
    assertThat(Spans.of(s)).containsExactly("[1,2]", "[4,5]");
  }

  @Test
  void precomposedLettersNeedNfdFirst() {
    assertThat(new StripAccentsNormalizer().normalize("\u00e9")).isEqualTo("\u00e9");
  }
}
