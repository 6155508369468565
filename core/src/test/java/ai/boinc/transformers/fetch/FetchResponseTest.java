package ai.boinc.transformers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchResponseTest {
  private static final URI URL = URI.create("https://hub.example.com/org/name/resolve/main/model.bin");

  private static FetchResponse response(int status, String... nameValues) {
    FetchHeaders.Builder headers = FetchHeaders.builder();
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.add(nameValues[i], nameValues[i + 1]);
    }
    return new FetchResponse(URL, status, headers.build(), InputStream.nullInputStream());
  }

  @Test
  void contentLengthIsParsedWhenValid() {
    assertThat(response(200, "Content-Length", "438012345").contentLength()).isEqualTo(OptionalLong.of(438012345L));
    assertThat(response(200, "content-length", " 12 ").contentLength()).isEqualTo(OptionalLong.of(12));
    assertThat(response(200, "Content-Length", "0").contentLength()).isEqualTo(OptionalLong.of(0));
    assertThat(response(200, "Content-Length", "60000000000").contentLength())
        .as("more than 2^31")
        .isEqualTo(OptionalLong.of(60_000_000_000L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-1", "12abc", "1.5", "99999999999999999999"})
  void invalidContentLengthIsAbsent(String value) {
    assertThat(response(200, "Content-Length", value).contentLength()).isEmpty();
  }

  @Test
  void missingContentLengthIsAbsent() {
    assertThat(response(200).contentLength()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirects(int status) {
    assertThat(response(status).isRedirect()).isTrue();
    assertThat(response(status).isSuccessful()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 204, 206, 300, 304, 305, 306, 400, 401, 404, 500})
  void notRedirects(int status) {
    assertThat(response(status).isRedirect()).isFalse();
  }

  @Test
  void successfulIs2xx() {
    assertThat(response(200).isSuccessful()).isTrue();
    assertThat(response(206).isSuccessful()).isTrue();
    assertThat(response(299).isSuccessful()).isTrue();
    assertThat(response(199).isSuccessful()).isFalse();
    assertThat(response(300).isSuccessful()).isFalse();
  }

  @Test
  void invalidStatusIsRejected() {
    assertThatThrownBy(() -> response(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    assertThatThrownBy(() -> response(1000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headerLookupIgnoresCase() {
    FetchResponse response = response(302, "Location", "https://cdn.example/x", "X-Linked-Etag", "\"abc\"");
    assertThat(response.header("location")).contains("https://cdn.example/x");
    assertThat(response.header("x-linked-etag")).contains("\"abc\"");
    assertThat(response.header("ETag")).isEmpty();
  }

  @Test
  void closeClosesTheBody() throws IOException {
    boolean[] closed = {false};
    InputStream body =
        new ByteArrayInputStream(new byte[] {1}) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    new FetchResponse(URL, 200, FetchHeaders.empty(), body).close();
    assertThat(closed[0]).isTrue();
  }

  @Test
  void toStringRedactsCredentialHeaders() {
    FetchResponse response = response(200, "Set-Cookie", "session=ba_secret", "ETag", "\"e\"");
    assertThat(response.toString()).contains("200", URL.toString(), "\"e\"").doesNotContain("ba_secret");
  }
}
