package ai.boinc.transformers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test hooks: response delay and held bodies. */
class LocalHubHooksTest {
  static final byte[] DATA = Fixtures.bytes(200_000, 9);

  LocalHub hub;

  @BeforeEach
  void start() {
    hub = LocalHub.builder().repo(HubRepo.model("acme/x").file("data.bin", DATA).build()).start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void delayedResponseTimesOutAClientButIsRecorded() throws Exception {
    hub.delayResponses(Duration.ofSeconds(5));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(hub.resolveUri("acme/x", "data.bin")).timeout(Duration.ofMillis(200)).build();

    try {
      client.send(request, HttpResponse.BodyHandlers.discarding());
      throw new AssertionError("expected a timeout");
    } catch (HttpTimeoutException expected) {
      // The request was received before the delay.
    }
    assertThat(hub.requests()).hasSize(1);

    hub.delayResponses(Duration.ZERO);
    assertThat(Http.get(hub.resolveUri("acme/x", "data.bin")).statusCode()).isEqualTo(200);
  }

  @Test
  void heldBodyContinuesAfterRelease() throws Exception {
    hub.holdBodiesAfter(1000);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = hub.resolveUri("acme/x", "data.bin");

    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      assertThat(body.readNBytes(1000)).isEqualTo(Arrays.copyOf(DATA, 1000));
      hub.releaseBodies();
      assertThat(body.readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, 1000, DATA.length));
    }
  }
}
