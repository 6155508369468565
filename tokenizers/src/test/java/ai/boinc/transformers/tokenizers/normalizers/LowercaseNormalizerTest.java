package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class LowercaseNormalizerTest {
  @Test
  void dottedCapitalIExpandsToTwoCharactersOnItsSpan() {
    NormalizedString s = Spans.normalize(new LowercaseNormalizer(), "A\u0130b");
    assertThat(s.normalized()).isEqualTo("ai\u0307b");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[1,2]", "[1,2]", "[2,3]");
  }

  @Test
  void sigmaIsLowercasedWithoutContext() {
    // Rust's char::to_lowercase knows no final sigma.
    assertThat(new LowercaseNormalizer().normalize("\u039f\u03a3")).isEqualTo("\u03bf\u03c3");
  }

  @Test
  void astralLetters() {
    assertThat(new LowercaseNormalizer().normalize("\ud801\udc00")).isEqualTo("\ud801\udc28");
  }
}
