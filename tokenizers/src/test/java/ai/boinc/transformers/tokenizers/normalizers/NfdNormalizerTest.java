package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class NfdNormalizerTest {
  @Test
  void decomposedPiecesShareTheSpanOfTheirCharacter() {
    NormalizedString s = Spans.normalize(new NfdNormalizer(), "\u00e9x\uac01");
    assertThat(s.normalized()).isEqualTo("e\u0301x\u1100\u1161\u11a8");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[0,1]", "[1,2]", "[2,3]", "[2,3]", "[2,3]");
  }

  @Test
  void canonicalOrderOfMarks() {
    assertThat(new NfdNormalizer().normalize("x\u0301\u0316")).isEqualTo("x\u0316\u0301");
  }
}
