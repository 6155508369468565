package ai.boinc.transformers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchHeadersKnownBugsTest {
  @Test
  void headersThatDifferOnlyInNameCaseAreEqualAndHashAlike() {
    FetchHeaders a = FetchHeaders.builder().add("Accept", "x").build();
    FetchHeaders b = FetchHeaders.builder().add("accept", "x").build();
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }
}
