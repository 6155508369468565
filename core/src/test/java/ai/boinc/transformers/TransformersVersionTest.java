package ai.boinc.transformers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransformersVersionTest {
  @Test
  void theVersionIsTheBuiltOneNotTheFallback() {
    assertThat(TransformersVersion.get()).isNotEqualTo("unknown").matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
  }
}
