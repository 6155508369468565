package ai.boinc.transformers.credentials.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCredentialSourceTest {

  @Test
  void readsTheDefaultVariableTrimmed() {
    var source = EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", "  ba_abc123\n"));
    assertThat(source.resolve()).contains(AccessToken.of("ba_abc123"));
  }

  @Test
  void unsetEmptyOrBlankCountsAsAbsent() {
    assertThat(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of()).resolve()).isEmpty();
    assertThat(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", "")).resolve()).isEmpty();
    assertThat(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", " \t ")).resolve()).isEmpty();
  }

  @Test
  void variableNameIsConfigurable() {
    var source = EnvironmentCredentialSource.of("MY_TOKEN", Map.of("MY_TOKEN", "ba_x", "BA_ACCESS_TOKEN", "ba_y"));
    assertThat(source.resolve()).contains(AccessToken.of("ba_x"));
    assertThat(source.describe()).isEqualTo("environment variable MY_TOKEN");
  }

  @Test
  void aValueWithInnerWhitespaceIsAnErrorThatDoesNotEchoIt() {
    var source = EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", "ba_secret part2"));
    assertThatThrownBy(source::resolve)
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("BA_ACCESS_TOKEN")
        .hasMessageNotContaining("ba_secret")
        .hasMessageNotContaining("part2");
  }

  @Test
  void theProviderIsDiscoveredAndDescribedInTheChain() {
    var chain = CredentialChain.discover(Map.of("BA_ACCESS_TOKEN", "ba_env"), getClass().getClassLoader());
    assertThat(chain.describe()).contains("environment variable BA_ACCESS_TOKEN");
    assertThat(chain.resolve()).contains(AccessToken.of("ba_env"));
    assertThat(chain.resolveWithSource().orElseThrow().source()).isEqualTo("environment variable BA_ACCESS_TOKEN");
  }

  @Test
  void toStringNeverShowsTheToken() {
    var source = EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", "ba_topsecret"));
    assertThat(source.toString()).doesNotContain("ba_topsecret");
    assertThat(source.resolve().orElseThrow().toString()).doesNotContain("ba_topsecret");
  }
}
