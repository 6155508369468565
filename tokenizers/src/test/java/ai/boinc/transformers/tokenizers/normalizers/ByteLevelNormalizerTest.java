package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class ByteLevelNormalizerTest {
  @Test
  void everyByteBecomesOneAlphabetCharacterOnItsCharactersSpan() {
    NormalizedString s = Spans.normalize(new ByteLevelNormalizer(), "a \u00e9");
    assertThat(s.normalized()).isEqualTo("a\u0120\u00c3\u00a9");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[1,2]", "[2,3]", "[2,3]");
  }
}
