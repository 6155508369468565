package ai.boinc.transformers.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LogRedactionTest {

  @Test
  void signedCdnQueryValuesAreMaskedAndTheirNamesKept() {
    URI signed = URI.create("https://cdn.example.com/repos/ab/cd/blob?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAEXAMPLE%2F20260101&X-Amz-Signature=0123456789abcdef&Expires=1767225600"
        + "&Signature=c2lnbmF0dXJl&Key-Pair-Id=K2JCJMDEHXQW5F&Policy=eyJzdGF0ZW1lbnQiOltdfQ__");

    String logged = LogRedaction.uri(signed);

    assertThat(logged).startsWith("https://cdn.example.com/repos/ab/cd/blob?X-Amz-Algorithm=***&")
        .contains("X-Amz-Signature=***", "Signature=***", "Policy=***", "X-Amz-Credential=***")
        .doesNotContain("0123456789abcdef", "c2lnbmF0dXJl", "AKIAEXAMPLE", "eyJzdGF0ZW1lbnQ");
  }

  @Test
  void harmlessHubParametersStayReadable() {
    assertThat(LogRedaction.uri(URI.create("http://127.0.0.1:8080/api/models/a/b/revision/main?blobs=true")))
        .isEqualTo("http://127.0.0.1:8080/api/models/a/b/revision/main?blobs=true");
    assertThat(LogRedaction.uri(URI.create("https://hub.example.com/a/b/resolve/main/x.json?download=1&token=ba_x")))
        .isEqualTo("https://hub.example.com/a/b/resolve/main/x.json?download=1&token=***");
  }

  @Test
  void userInfoAndFragmentAreDropped() {
    assertThat(LogRedaction.uri(URI.create("https://user:ba_secret_password@hub.example.com/x?sig=1#frag")))
        .isEqualTo("https://hub.example.com/x?sig=***");
  }

  @Test
  void textLosesUrlsQueriesBearerValuesJwtsAndTokens() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYSJ9.c2lnbmF0dXJlLXBhcnQ";
    String message = "unexpected end of stream on https://cdn.example.com/blob?sig=s3cr3tsig&exp=9"
        + " Authorization: Bearer ba_live_0123456789 jwt=" + jwt + " vault hvs.CAESIAbcdefghijk secret_id=1f2e3d";

    String logged = LogRedaction.text(message);

    assertThat(logged)
        .contains("https://cdn.example.com/blob?sig=***&exp=***", "Bearer ***")
        .doesNotContain("s3cr3tsig", "ba_live_0123456789", jwt, "eyJ", "hvs.CAES", "1f2e3d");
  }

  @Test
  void ordinaryWordsAroundTokenAreKept() {
    assertThat(LogRedaction.text("No access token was found for host 127.0.0.1"))
        .isEqualTo("No access token was found for host 127.0.0.1");
  }

  @Test
  void longTextIsCutAndControlCharactersBlanked() {
    assertThat(LogRedaction.text("a\nb" + "x".repeat(1000))).startsWith("a b").hasSize(303).endsWith("...");
  }
}
