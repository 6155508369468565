package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class NmtNormalizerTest {
  private final NmtNormalizer nmt = new NmtNormalizer();

  @Test
  void dropsControlCharacters() {
    assertThat(nmt.normalize("a\u0001b\u000Bc\u007Fd\u008Fe\u009Ff\u001Fg")).isEqualTo("abcdefg");
  }

  @Test
  void mapsWhitespaceLikeCharactersToSpaces() {
    assertThat(nmt.normalize("a\tb\nc\fd\re\u1680f\u200Dg\u2581h\uFEFFi\uFFFDj"))
        .isEqualTo("a b c d e f g h i j");
    // Other spaces (no-break, ideographic) are left for later stages.
    assertThat(nmt.normalize("a\u00A0b\u3000c")).isEqualTo("a\u00A0b\u3000c");
  }

  @Test
  void keepsOffsets() {
    NormalizedString s = NormalizedString.of("\u0001a\tb");
    nmt.normalize(s);
    assertThat(s.normalized()).isEqualTo("a b");
    assertThat(s.toOriginal(1, 2)).containsExactly(2, 3);
  }
}
