package ai.boinc.transformers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchRequestTest {
  private static final URI URL = URI.create("https://hub.example.com/org/name/resolve/main/config.json");

  @Test
  void defaultsToAGetWithoutBodyOrTimeout() {
    FetchRequest request = FetchRequest.get(URL);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri()).isEqualTo(URL);
    assertThat(request.body()).isEmpty();
    assertThat(request.timeout()).isEmpty();
    assertThat(request.headers().names()).isEmpty();
    assertThat(FetchRequest.head(URL).method()).isEqualTo("HEAD");
  }

  @Test
  void methodIsUpperCasedAndLimitedToKnownOnes() {
    assertThat(FetchRequest.newBuilder(URL).method("post").body(new byte[0], "text/plain").build().method())
        .isEqualTo("POST");
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).method("PATCH"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PATCH");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://hub.example.com/x", "file:///etc/passwd", "mailto:a@b.c", "/relative/path", "hub.example.com/x"})
  void onlyAbsoluteHttpUrisAreAccepted(String uri) {
    assertThatThrownBy(() -> FetchRequest.get(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http");
  }

  @Test
  void aUriWithoutHostIsRejected() {
    assertThatThrownBy(() -> FetchRequest.get(URI.create("http:///path")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host");
  }

  @Test
  void upperCaseSchemesAreAccepted() {
    assertThat(FetchRequest.get(URI.create("HTTPS://hub.example.com/x")).uri().getHost()).isEqualTo("hub.example.com");
  }

  @Test
  void getAndHeadCarryNoBody() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).body(body, "application/json").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GET");
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).method("HEAD").body(body, "application/json").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HEAD");
  }

  @Test
  void bodyIsCopiedInAndOutAndSetsContentType() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    FetchRequest request = FetchRequest.newBuilder(URL).method("POST").body(body, "application/json").build();
    body[0] = 'X';
    byte[] out = request.body().orElseThrow();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    out[0] = 'Y';
    assertThat(request.body().orElseThrow()[0]).isEqualTo((byte) '{');
    assertThat(request.headers().first("content-type")).contains("application/json");
  }

  @Test
  void rangeFromSetsOneOpenEndedRange() {
    FetchRequest request =
        FetchRequest.newBuilder(URL).header("Range", "bytes=0-10").rangeFrom(1048576).rangeFrom(2048).build();
    assertThat(request.headers().all("range")).containsExactly("bytes=2048-");
    assertThat(FetchRequest.newBuilder(URL).rangeFrom(0).build().headers().first("Range")).contains("bytes=0-");
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).rangeFrom(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeoutMustBePositive() {
    assertThat(FetchRequest.newBuilder(URL).timeout(Duration.ofSeconds(3)).build().timeout())
        .contains(Duration.ofSeconds(3));
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerReplacesAndAddHeaderAppends() {
    FetchRequest request =
        FetchRequest.newBuilder(URL)
            .header("Accept", "a")
            .header("accept", "b")
            .addHeader("X-Multi", "1")
            .addHeader("x-multi", "2")
            .addHeader("X-Gone", "1")
            .removeHeader("x-gone")
            .build();
    assertThat(request.headers().all("Accept")).containsExactly("b");
    assertThat(request.headers().all("X-Multi")).containsExactly("1", "2");
    assertThat(request.headers().contains("X-Gone")).isFalse();
  }

  @Test
  void newBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
    FetchRequest original =
        FetchRequest.newBuilder(URL)
            .method("POST")
            .header("Authorization", "Bearer ba_x")
            .body(new byte[] {1, 2}, "application/octet-stream")
            .timeout(Duration.ofSeconds(5))
            .build();
    FetchRequest copy = original.newBuilder().removeHeader("Authorization").build();
    assertThat(copy.method()).isEqualTo("POST");
    assertThat(copy.uri()).isEqualTo(URL);
    assertThat(copy.body().orElseThrow()).containsExactly(1, 2);
    assertThat(copy.timeout()).contains(Duration.ofSeconds(5));
    assertThat(copy.headers().contains("Authorization")).isFalse();
    assertThat(original.headers().contains("Authorization")).isTrue();
  }

  @Test
  void aBuilderWithoutUriCannotBuild() {
    // newBuilder(null) fails fast with the field's name.
    assertThatThrownBy(() -> FetchRequest.newBuilder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("uri");
  }

  @Test
  void toStringShowsMethodAndUriButRedactsCredentials() {
    FetchRequest request =
        FetchRequest.newBuilder(URL)
            .method("HEAD")
            .header("Authorization", "Bearer ba_topsecret")
            .header("X-Vault-Token", "hvs.topsecret")
            .header("User-Agent", "transformers-java/test")
            .build();
    assertThat(request.toString())
        .contains("HEAD", URL.toString(), "transformers-java/test")
        .doesNotContain("ba_topsecret", "hvs.topsecret");
  }

  @Test
  void headerValidationRunsInTheRequestBuilder() {
    assertThatThrownBy(() -> FetchRequest.newBuilder(URL).header("Authorization", "Bearer ba_s\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("ba_s");
  }
}
