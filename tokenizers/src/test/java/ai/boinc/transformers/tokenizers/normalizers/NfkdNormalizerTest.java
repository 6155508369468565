package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NfkdNormalizerTest {
  @Test
  void decomposesCompatibilityAndCanonical() {
    assertThat(new NfkdNormalizer().normalize("\ufb01\u00e9")).isEqualTo("fie\u0301");
  }
}
