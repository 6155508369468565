package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Fixtures.TOKEN;
import static ai.boinc.transformers.testkit.Http.bearer;
import static ai.boinc.transformers.testkit.Http.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalHubRecordingTest {
  static final byte[] WEIGHTS = Fixtures.bytes(10_000, 4);

  LocalHub hub;

  @BeforeEach
  void start() {
    hub =
        LocalHub.builder()
            .repo(HubRepo.model("acme/secret").privateRepo().file("a.txt", "a").lfsFile("model.bin", WEIGHTS).build())
            .repo(HubRepo.model("acme/public").file("config.json", "{}").build())
            .token(TOKEN, "demo-user", "acme/secret")
            .start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void recordsEveryRequestToHubAndCdnInOrder() {
    URI resolve = URI.create(hub.endpoint() + "/acme/secret/resolve/refs%2Fpr%2F1/model.bin");
    Http.head(URI.create(hub.endpoint() + "/acme/secret/resolve/main/model.bin?x=1"), "Authorization", bearer(TOKEN));
    HttpResponse<byte[]> redirect =
        Http.get(URI.create(hub.endpoint() + "/acme/secret/resolve/main/model.bin"), "Authorization", bearer(TOKEN));
    Http.get(URI.create(header(redirect, "Location")), "Range", "bytes=0-9");
    Http.get(resolve);

    List<RecordedRequest> requests = hub.requests();
    assertThat(requests).extracting(RecordedRequest::origin).containsExactly("hub", "hub", "cdn", "hub");
    assertThat(requests).extracting(RecordedRequest::method).containsExactly("HEAD", "GET", "GET", "GET");
    assertThat(requests.get(0).rawQuery()).isEqualTo("x=1");
    assertThat(requests.get(1).rawQuery()).isNull();
    assertThat(requests.get(0).header("authorization")).contains(bearer(TOKEN));
    assertThat(requests.get(0).headers().get("AUTHORIZATION")).containsExactly(bearer(TOKEN));
    assertThat(requests.get(2).header("Range")).contains("bytes=0-9");
    assertThat(requests.get(2).header("Authorization")).isEmpty();
    assertThat(requests.get(2).rawQuery()).contains("sig=");
    assertThat(requests.get(3).rawPath()).isEqualTo("/acme/secret/resolve/refs%2Fpr%2F1/model.bin");
  }

  @Test
  void clearRequestsForgetsEverything() {
    Http.get(URI.create(hub.endpoint() + "/api/whoami-v2"));
    hub.clearRequests();
    Http.get(URI.create(hub.endpoint() + "/api/models/acme/public"));

    assertThat(hub.requests()).singleElement().extracting(RecordedRequest::rawPath).isEqualTo("/api/models/acme/public");
  }

  @Test
  void cdnRejectsAndRecordsRequestsCarryingAuthorization() {
    HttpResponse<byte[]> redirect =
        Http.head(URI.create(hub.endpoint() + "/acme/secret/resolve/main/model.bin"), "Authorization", bearer(TOKEN));
    URI location = URI.create(header(redirect, "Location"));
    hub.clearRequests();

    HttpResponse<byte[]> leaked = Http.get(location, "Authorization", bearer(TOKEN));

    assertThat(leaked.statusCode()).isEqualTo(400);
    assertThat(hub.requests()).singleElement().satisfies(r -> {
      assertThat(r.origin()).isEqualTo(RecordedRequest.CDN);
      assertThat(r.header("Authorization")).isPresent();
    });
    assertThat(Http.get(location).statusCode()).isEqualTo(200);
  }

  @Test
  void toStringRedactsAuthorization() {
    Http.get(URI.create(hub.endpoint() + "/api/whoami-v2"), "Authorization", bearer(TOKEN));

    RecordedRequest request = hub.requests().get(0);
    assertThat(request.toString()).contains("GET /api/whoami-v2", "[redacted]").doesNotContain(TOKEN);
    assertThat(hub.toString()).doesNotContain(TOKEN);
  }

  @Test
  void closeStopsBothServers() {
    URI endpoint = hub.endpoint();
    URI cdn = hub.cdnEndpoint();
    hub.close();
    hub.close();

    assertThatThrownBy(() -> Http.get(endpoint)).hasCauseInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> Http.get(cdn)).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void commitOfUnknownRepoIsRejected() {
    assertThatThrownBy(() -> hub.commit("acme/nothing")).isInstanceOf(IllegalArgumentException.class);
  }
}
