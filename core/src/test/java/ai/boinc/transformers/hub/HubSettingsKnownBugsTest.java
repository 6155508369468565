package ai.boinc.transformers.hub;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSettingsKnownBugsTest {
  @Test
  void aTimeoutBelowOneMillisecondNamesTheVariable() {
    assertThatThrownBy(() -> HubSettings.fromEnvironment(Map.of("BA_HUB_ETAG_TIMEOUT", "0.0001")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BA_HUB_ETAG_TIMEOUT")
        .hasMessageContaining("'0.0001'");
  }
}
