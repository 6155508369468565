package ai.boinc.transformers.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection: each kind, matching, counting, and that spent faults leave normal answers. */
class LocalHubFaultTest {
  static final byte[] DATA = Fixtures.bytes(200_000, 3);
  static final byte[] WEIGHTS = Fixtures.bytes(300_000, 4);

  LocalHub hub;
  HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() {
    hub =
        LocalHub.builder()
            .repo(HubRepo.model("acme/m").file("data.bin", DATA).lfsFile("model.bin", WEIGHTS).build())
            .start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  URI data() {
    return hub.resolveUri("acme/m", "data.bin");
  }

  HttpResponse<byte[]> get(URI uri, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void statusFaultAppliesTheGivenNumberOfTimesThenIsSpent() throws Exception {
    hub.addFault(Fault.status(503).forPath("/acme/m/resolve/").times(2));

    assertThat(get(data()).statusCode()).isEqualTo(503);
    assertThat(hub.pendingFaults()).singleElement().extracting(Fault::remainingTimes).isEqualTo(1);
    assertThat(get(data()).statusCode()).isEqualTo(503);
    assertThat(hub.pendingFaults()).isEmpty();
    HttpResponse<byte[]> normal = get(data());
    assertThat(normal.statusCode()).isEqualTo(200);
    assertThat(normal.body()).isEqualTo(DATA);
    assertThat(hub.requests()).hasSize(3);
  }

  @Test
  void faultForAnotherPathOrOriginOrMethodDoesNotApply() throws Exception {
    hub.addFault(Fault.status(500).forPath("/acme/other/"));
    hub.addFault(Fault.status(500).onCdn());
    hub.addFault(Fault.status(500).method("HEAD"));

    assertThat(get(data()).statusCode()).isEqualTo(200);
    assertThat(hub.pendingFaults()).hasSize(3);
  }

  @Test
  void rateLimitFaultCarriesRetryAfterAndRateLimitHeaders() throws Exception {
    hub.addFault(Fault.status(429).retryAfterSeconds(7));

    HttpResponse<byte[]> response = get(data());
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(Http.header(response, "Retry-After")).isEqualTo("7");
    assertThat(Http.header(response, "RateLimit")).isEqualTo("\"api\";r=0;t=7");
    assertThat(Http.header(response, "RateLimit-Policy")).isEqualTo("\"fixed window\";\"api\";q=500;w=300");
  }

  @Test
  void statusFaultCanAddRepeatedHeaders() throws Exception {
    hub.addFault(Fault.status(503).header("X-Test", "a").header("X-Test", "b"));

    assertThat(get(data()).headers().allValues("X-Test")).containsExactly("a", "b");
  }

  @Test
  void faultsAreCheckedInOrderAdded() throws Exception {
    hub.addFault(Fault.status(502));
    hub.addFault(Fault.status(504));

    assertThat(get(data()).statusCode()).isEqualTo(502);
    assertThat(get(data()).statusCode()).isEqualTo(504);
  }

  @Test
  void bytesServedCountsBodyBytesOfBothServersIncludingCutOnes() throws Exception {
    assertThat(hub.bytesServed()).isZero();
    get(data());
    assertThat(hub.bytesServed()).isEqualTo(DATA.length);
    get(data(), "Range", "bytes=1000-");
    assertThat(hub.bytesServed()).isEqualTo(2L * DATA.length - 1000);
    hub.addFault(Fault.cutAfterBytes(5000).onCdn());
    URI cdn = URI.create(get(hub.resolveUri("acme/m", "model.bin")).headers().firstValue("Location").orElseThrow());
    assertThatThrownBy(() -> get(cdn)).isInstanceOf(IOException.class);
    assertThat(hub.bytesServed()).isEqualTo(2L * DATA.length - 1000 + 5000);
  }

  @Test
  void aRangeWhoseIfRangeNamesAnotherEtagGetsTheWholeBody() throws Exception {
    String etag = get(data()).headers().firstValue("ETag").orElseThrow();
    var matching = get(data(), "Range", "bytes=10-", "If-Range", etag);
    assertThat(matching.statusCode()).isEqualTo(206);
    assertThat(matching.body()).isEqualTo(Arrays.copyOfRange(DATA, 10, DATA.length));
    var other = get(data(), "Range", "bytes=10-", "If-Range", "\"0000\"");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body()).isEqualTo(DATA);
  }

  @Test
  void cutClosesTheConnectionAfterTheGivenBytes() throws Exception {
    hub.addFault(Fault.cutAfterBytes(1000));
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(data()).build(), HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.headers().firstValue("Content-Length")).contains(Integer.toString(DATA.length));
    try (InputStream body = response.body()) {
      assertThat(body.readNBytes(1000)).isEqualTo(Arrays.copyOf(DATA, 1000));
      assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
    }
    assertThat(get(data()).body()).isEqualTo(DATA);
  }

  @Test
  void cutDoesNotApplyToHeadOrRedirects() throws Exception {
    hub.addFault(Fault.cutAfterBytes(10));

    assertThat(Http.head(data()).statusCode()).isEqualTo(200);
    assertThat(get(hub.resolveUri("acme/m", "model.bin")).statusCode()).isEqualTo(302);
    assertThat(hub.pendingFaults()).hasSize(1);
  }

  @Test
  void resetClosesWithoutResponse() {
    hub.addFault(Fault.resetConnection().times(3));

    assertThatThrownBy(() -> get(data())).isInstanceOf(IOException.class);
  }

  @Test
  void corruptFlipsOneByte() throws Exception {
    hub.addFault(Fault.corruptByteAt(70_000));

    byte[] body = get(data()).body();
    assertThat(body).hasSize(DATA.length);
    assertThat(body[70_000]).isEqualTo((byte) ~DATA[70_000]);
    body[70_000] = DATA[70_000];
    assertThat(body).isEqualTo(DATA);
  }

  @Test
  void stallHoldsTheBodyUntilFaultsAreCleared() throws Exception {
    hub.addFault(Fault.stall().afterBytes(100));
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(data()).build(), HttpResponse.BodyHandlers.ofInputStream());

    try (InputStream body = response.body()) {
      assertThat(body.readNBytes(100)).isEqualTo(Arrays.copyOf(DATA, 100));
      hub.clearFaults();
      assertThat(body.readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, 100, DATA.length));
    }
  }

  @Test
  void ignoreRangeAnswersTheWholeBody() throws Exception {
    hub.addFault(Fault.ignoreRange());

    assertThat(get(data()).statusCode()).isEqualTo(200); // no Range: fault not used
    HttpResponse<byte[]> ignored = get(data(), "Range", "bytes=10-");
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).isEqualTo(DATA);
    assertThat(get(data(), "Range", "bytes=10-").statusCode()).isEqualTo(206);
  }

  @Test
  void delayThenNormalAnswer() throws Exception {
    hub.addFault(Fault.delay(Duration.ofMillis(50)).onHub());

    assertThat(get(data()).body()).isEqualTo(DATA);
    assertThat(hub.pendingFaults()).isEmpty();
  }

  @Test
  void toStringIsReadable() {
    assertThat(Fault.status(503).forPath("/acme/m/resolve/").onHub().method("get").times(2))
        .hasToString("Fault{status 503 on hub GET /acme/m/resolve/* x2}");
    assertThat(Fault.cutAfterBytes(1000).onCdn()).hasToString("Fault{cut after 1000 bytes on cdn * /* x1}");
  }

  @Test
  void invalidFaultsAreRejected() {
    assertThatThrownBy(() -> Fault.status(42)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(503).times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(1)).retryAfterSeconds(1))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Fault.cutAfterBytes(1).afterBytes(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Fault.status(500).forPath("acme")).hasMessageContaining("starts with '/'");
  }
}
