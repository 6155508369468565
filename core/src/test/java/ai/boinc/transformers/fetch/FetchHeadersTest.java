package ai.boinc.transformers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchHeadersTest {

  @Test
  void lookupIgnoresCase() {
    FetchHeaders headers = FetchHeaders.builder().add("X-Repo-Commit", "abc").build();
    assertThat(headers.first("x-repo-commit")).contains("abc");
    assertThat(headers.first("X-REPO-COMMIT")).contains("abc");
    assertThat(headers.all("x-Repo-commit")).containsExactly("abc");
    assertThat(headers.contains("X-REPO-COMMIT")).isTrue();
    assertThat(headers.asMap().get("x-repo-commit")).containsExactly("abc");
  }

  @Test
  void absentNamesGiveEmpty() {
    FetchHeaders headers = FetchHeaders.empty();
    assertThat(headers.first("ETag")).isEmpty();
    assertThat(headers.all("ETag")).isEmpty();
    assertThat(headers.contains("ETag")).isFalse();
    assertThat(headers.names()).isEmpty();
  }

  @Test
  void addKeepsEarlierValuesAcrossCase() {
    FetchHeaders headers =
        FetchHeaders.builder().add("Link", "<a>").add("link", "<b>").add("LINK", "<c>").build();
    assertThat(headers.all("Link")).containsExactly("<a>", "<b>", "<c>");
    assertThat(headers.first("link")).contains("<a>");
    assertThat(headers.names()).containsExactly("Link");
  }

  @Test
  void setReplacesEveryValueAcrossCase() {
    FetchHeaders headers =
        FetchHeaders.builder().add("Range", "bytes=0-").add("range", "bytes=1-").set("RANGE", "bytes=5-").build();
    assertThat(headers.all("Range")).containsExactly("bytes=5-");
    assertThat(headers.names()).hasSize(1);
  }

  @Test
  void removeIgnoresCase() {
    FetchHeaders headers = FetchHeaders.builder().add("Authorization", "Bearer x").remove("authorization").build();
    assertThat(headers.contains("Authorization")).isFalse();
  }

  @Test
  void builtHeadersAreImmutable() {
    FetchHeaders.Builder builder = FetchHeaders.builder().add("A", "1");
    FetchHeaders headers = builder.build();
    builder.add("A", "2").add("B", "3");
    assertThat(headers.all("A")).containsExactly("1");
    assertThat(headers.contains("B")).isFalse();
    assertThatThrownBy(() -> headers.all("A").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> headers.asMap().remove("A")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void newBuilderStartsFromACopy() {
    FetchHeaders original = FetchHeaders.builder().add("A", "1").add("a", "2").build();
    FetchHeaders changed = original.newBuilder().set("B", "3").build();
    assertThat(changed.all("A")).containsExactly("1", "2");
    assertThat(changed.first("b")).contains("3");
    assertThat(original.contains("B")).isFalse();
  }

  @Test
  void ofCopiesAMapAndSkipsTheNullStatusLineKey() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    map.put(null, List.of("HTTP/1.1 200 OK")); // what HttpURLConnection returns
    map.put("content-length", List.of("12"));
    map.put("Set-Cookie", List.of("a=1", "b=2"));
    FetchHeaders headers = FetchHeaders.of(map);
    assertThat(headers.first("Content-Length")).contains("12");
    assertThat(headers.all("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(headers.names()).hasSize(2);
  }

  @Test
  void equalHeadersAreEqual() {
    FetchHeaders a = FetchHeaders.builder().add("ETag", "\"x\"").add("Link", "<a>").build();
    FetchHeaders b = FetchHeaders.builder().add("Link", "<a>").add("ETag", "\"x\"").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(FetchHeaders.builder().add("ETag", "\"y\"").add("Link", "<a>").build());
  }

  @Test
  void toStringRedactsCredentialHeadersInAnyCase() {
    FetchHeaders headers =
        FetchHeaders.builder()
            .add("authorization", "Bearer ba_secret1")
            .add("Proxy-Authorization", "Basic c2VjcmV0Mg==")
            .add("X-VAULT-TOKEN", "hvs.secret3")
            .add("Cookie", "session=secret4")
            .add("Set-Cookie", "session=secret5")
            .add("Accept", "application/json")
            .build();
    String shown = headers.toString();
    assertThat(shown)
        .doesNotContain("ba_secret1", "c2VjcmV0Mg==", "hvs.secret3", "secret4", "secret5")
        .contains("authorization=[redacted]")
        .contains("Proxy-Authorization=[redacted]")
        .contains("X-VAULT-TOKEN=[redacted]")
        .contains("Cookie=[redacted]")
        .contains("Accept=[application/json]");
  }

  @Test
  void isSensitiveNamesTheCredentialHeaders() {
    assertThat(FetchHeaders.isSensitive("AUTHORIZATION")).isTrue();
    assertThat(FetchHeaders.isSensitive("proxy-authorization")).isTrue();
    assertThat(FetchHeaders.isSensitive("X-Vault-Token")).isTrue();
    assertThat(FetchHeaders.isSensitive("cookie")).isTrue();
    assertThat(FetchHeaders.isSensitive("Content-Type")).isFalse();
    assertThat(FetchHeaders.isSensitive("X-Repo-Commit")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "Bad:Name", "Bad\tName", "Bad\nName", "Bäd", "X\u007f"})
  void invalidNamesAreRejected(String name) {
    assertThatThrownBy(() -> FetchHeaders.builder().add(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header name");
    assertThatThrownBy(() -> FetchHeaders.builder().set(name, "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyAndNullNamesAreRejected() {
    assertThatThrownBy(() -> FetchHeaders.builder().add("", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FetchHeaders.builder().add(null, "v")).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer ba_secret\r\nX-Injected: 1",
        "Bearer ba_secret\n",
        "Bearer ba_secret\u0000",
        "Bearer ba_secret\u007f",
        "Bearer ba_secret\u001b"
      })
  void invalidValuesAreRejectedWithoutEchoingTheValue(String value) {
    assertThatThrownBy(() -> FetchHeaders.builder().add("Authorization", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageNotContaining("ba_secret");
    assertThatThrownBy(() -> FetchHeaders.builder().set("Authorization", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("ba_secret");
  }

  @Test
  void nullValuesAreRejectedWithTheName() {
    assertThatThrownBy(() -> FetchHeaders.builder().add("ETag", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ETag");
  }

  @Test
  void tabsAndEmptyValuesAreAllowed() {
    FetchHeaders headers = FetchHeaders.builder().add("X-A", "a\tb").add("X-B", "").build();
    assertThat(headers.first("x-a")).contains("a\tb");
    assertThat(headers.first("x-b")).contains("");
  }
}
