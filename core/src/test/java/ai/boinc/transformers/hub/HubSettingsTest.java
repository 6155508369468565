package ai.boinc.transformers.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubSettingsTest {
  private static final Path USER_HOME = Paths.get(System.getProperty("user.home", "."));

  @Test
  void defaults() {
    HubSettings settings = HubSettings.fromEnvironment(Map.of());
    assertThat(settings.endpoint()).isEqualTo(URI.create("https://huggingface.co"));
    assertThat(settings.home()).isEqualTo(USER_HOME.resolve(".cache/boincai"));
    assertThat(settings.cacheDir()).isEqualTo(USER_HOME.resolve(".cache/boincai/hub"));
    assertThat(settings.tokenPath()).isEqualTo(USER_HOME.resolve(".cache/boincai/token"));
    assertThat(settings.offline()).isFalse();
    assertThat(settings.metadataTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.downloadTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void blankVariablesCountAsUnset() {
    HubSettings settings =
        HubSettings.fromEnvironment(
            Map.of("BA_ENDPOINT", " ", "BA_HOME", "", "BA_HUB_CACHE", "\t", "BA_HUB_ETAG_TIMEOUT", " "));
    assertThat(settings).usingRecursiveComparison().isEqualTo(HubSettings.fromEnvironment(Map.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://hub.example.com/", "https://hub.example.com//", " https://hub.example.com/ ", "https://hub.example.com"})
  void endpointLosesTrailingSlashes(String value) {
    assertThat(HubSettings.fromEnvironment(Map.of("BA_ENDPOINT", value)).endpoint())
        .isEqualTo(URI.create("https://hub.example.com"));
  }

  @Test
  void endpointKeepsPortAndPath() {
    assertThat(HubSettings.fromEnvironment(Map.of("BA_ENDPOINT", "http://127.0.0.1:8080/mirror/")).endpoint())
        .isEqualTo(URI.create("http://127.0.0.1:8080/mirror"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://hub.example.com", "hub.example.com", "/just/a/path", "file:///tmp/hub", "https://", "https://hub.example.com/?a=1", "https://hub.example.com/#x"})
  void invalidEndpointsAreRejectedWithAnExample(String value) {
    assertThatThrownBy(() -> HubSettings.fromEnvironment(Map.of("BA_ENDPOINT", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("endpoint").contains(value));
  }

  @Test
  void unparsableEndpointNamesTheVariable() {
    assertThatThrownBy(() -> HubSettings.fromEnvironment(Map.of("BA_ENDPOINT", "https://hub example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BA_ENDPOINT");
  }

  @Test
  void baHomeMovesCacheAndTokenFile() {
    HubSettings settings = HubSettings.fromEnvironment(Map.of("BA_HOME", "/srv/ba", "XDG_CACHE_HOME", "/xdg"));
    assertThat(settings.home()).isEqualTo(Paths.get("/srv/ba"));
    assertThat(settings.cacheDir()).isEqualTo(Paths.get("/srv/ba/hub"));
    assertThat(settings.tokenPath()).isEqualTo(Paths.get("/srv/ba/token"));
  }

  @Test
  void xdgCacheHomeIsTheBaseWithoutBaHome() {
    HubSettings settings = HubSettings.fromEnvironment(Map.of("XDG_CACHE_HOME", "/xdg"));
    assertThat(settings.home()).isEqualTo(Paths.get("/xdg/boincai"));
    assertThat(settings.cacheDir()).isEqualTo(Paths.get("/xdg/boincai/hub"));
    assertThat(settings.tokenPath()).isEqualTo(Paths.get("/xdg/boincai/token"));
  }

  @Test
  void hubCacheAndTokenPathBeatHome() {
    HubSettings settings =
        HubSettings.fromEnvironment(
            Map.of(
                "BA_HOME", "/srv/ba",
                "XDG_CACHE_HOME", "/xdg",
                "BA_HUB_CACHE", "/data/hub-cache",
                "BA_TOKEN_PATH", "/run/secrets/ba-token"));
    assertThat(settings.home()).isEqualTo(Paths.get("/srv/ba"));
    assertThat(settings.cacheDir()).isEqualTo(Paths.get("/data/hub-cache"));
    assertThat(settings.tokenPath()).isEqualTo(Paths.get("/run/secrets/ba-token"));
  }

  @Test
  void hubCacheAloneLeavesTheTokenUnderTheDefaultHome() {
    HubSettings settings = HubSettings.fromEnvironment(Map.of("BA_HUB_CACHE", "/data/hub-cache"));
    assertThat(settings.cacheDir()).isEqualTo(Paths.get("/data/hub-cache"));
    assertThat(settings.tokenPath()).isEqualTo(USER_HOME.resolve(".cache/boincai/token"));
  }

  @Test
  void tildeIsTheUserHome() {
    HubSettings settings =
        HubSettings.fromEnvironment(
            Map.of("BA_HOME", "~/ba-home", "BA_HUB_CACHE", "~/caches/hub", "BA_TOKEN_PATH", "~"));
    assertThat(settings.home()).isEqualTo(USER_HOME.resolve("ba-home"));
    assertThat(settings.cacheDir()).isEqualTo(USER_HOME.resolve("caches/hub"));
    assertThat(settings.tokenPath()).isEqualTo(USER_HOME);
    assertThat(HubSettings.fromEnvironment(Map.of("XDG_CACHE_HOME", "~/xdg")).home())
        .isEqualTo(USER_HOME.resolve("xdg/boincai"));
  }

  @Test
  void tildeInsideAPathIsKept() {
    assertThat(HubSettings.fromEnvironment(Map.of("BA_HUB_CACHE", "/data/~cache")).cacheDir())
        .isEqualTo(Paths.get("/data/~cache"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "ON", "on", "On", "YES", "yes", "Yes", "TRUE", "true", "tRuE", " true "})
  void offlineTruthyValues(String value) {
    assertThat(HubSettings.fromEnvironment(Map.of("BA_HUB_OFFLINE", value)).offline()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "false", "no", "off", "", "2", "y", "enabled", "truthy"})
  void offlineOtherValues(String value) {
    assertThat(HubSettings.fromEnvironment(Map.of("BA_HUB_OFFLINE", value)).offline()).isFalse();
  }

  @Test
  void timeoutsAreSecondsWithFractions() {
    HubSettings settings =
        HubSettings.fromEnvironment(Map.of("BA_HUB_ETAG_TIMEOUT", "2.5", "BA_HUB_DOWNLOAD_TIMEOUT", " 60 "));
    assertThat(settings.metadataTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.downloadTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "NaN", "Infinity", "1e12", "10s"})
  void invalidTimeoutsNameTheVariableAndValue(String value) {
    assertThatThrownBy(() -> HubSettings.fromEnvironment(Map.of("BA_HUB_ETAG_TIMEOUT", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BA_HUB_ETAG_TIMEOUT")
        .hasMessageContaining("'" + value + "'");
    assertThatThrownBy(() -> HubSettings.fromEnvironment(Map.of("BA_HUB_DOWNLOAD_TIMEOUT", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BA_HUB_DOWNLOAD_TIMEOUT");
  }

  @Test
  void builderRejectsNonPositiveTimeouts() {
    assertThatThrownBy(() -> HubSettings.builder().metadataTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HubSettings.builder().downloadTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderFromEnvironmentCanOverride() {
    HubSettings settings =
        HubSettings.builderFromEnvironment(Map.of("BA_HOME", "/srv/ba", "BA_HUB_OFFLINE", "1"))
            .endpoint("http://localhost:9000/")
            .offline(false)
            .build();
    assertThat(settings.endpoint()).isEqualTo(URI.create("http://localhost:9000"));
    assertThat(settings.offline()).isFalse();
    assertThat(settings.cacheDir()).isEqualTo(Paths.get("/srv/ba/hub"));
  }

  @Test
  void toBuilderRoundTrips() {
    HubSettings settings =
        HubSettings.fromEnvironment(
            Map.of("BA_ENDPOINT", "https://hub.example.com", "BA_HOME", "/srv/ba", "BA_HUB_OFFLINE", "yes",
                "BA_HUB_ETAG_TIMEOUT", "3"));
    assertThat(settings.toBuilder().build()).usingRecursiveComparison().isEqualTo(settings);
  }

  @Test
  void toStringShowsWhereThingsAre() {
    HubSettings settings = HubSettings.fromEnvironment(Map.of("BA_ENDPOINT", "https://hub.example.com", "BA_HOME", "/srv/ba"));
    assertThat(settings.toString()).contains("https://hub.example.com", Paths.get("/srv/ba/hub").toString());
  }
}
