package ai.boinc.transformers.credentials;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenKnownBugsTest {
  @ParameterizedTest
  @ValueSource(strings = {"ba_secret\u0085part2", "ba_secret\u00a0part2", "ba_secret\u2028part2", "ba_secret\u3000part2", "ba_secret\u009bpart2"})
  void unicodeWhitespaceAndC1ControlsInsideAreRejected(String secret) {
    assertThatThrownBy(() -> AccessToken.of(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("ba_secret");
  }
}
