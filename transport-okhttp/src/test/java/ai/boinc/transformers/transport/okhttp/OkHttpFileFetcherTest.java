package ai.boinc.transformers.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcherProvider;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is specific to OkHttp beyond the contract: the user's client, its defaults, discovery. */
class OkHttpFileFetcherTest {
  LocalHub hub;

  @BeforeEach
  void start() {
    hub =
        LocalHub.builder()
            .repo(HubRepo.model("acme/m").file("a.txt", "a").lfsFile("model.bin", new byte[5000]).build())
            .start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void userClientThatFollowsRedirectsStillGetsTheRedirect() throws IOException {
    OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();

    try (FetchResponse response = OkHttpFileFetcher.of(following).fetch(FetchRequest.get(hub.resolveUri("acme/m", "model.bin")))) {
      assertThat(response.status()).isEqualTo(302);
    }
    assertThat(following.followRedirects()).as("the user's client is left as it was").isTrue();
  }

  @Test
  void withoutRequestTimeoutTheClientsReadTimeoutApplies() {
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();
    hub.addFault(Fault.delay(Duration.ofSeconds(5)));

    assertThatThrownBy(() -> OkHttpFileFetcher.of(impatient).fetch(FetchRequest.get(hub.resolveUri("acme/m", "a.txt"))))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining(hub.endpoint().getHost() + ":" + hub.endpoint().getPort());
  }

  @Test
  void explicitAcceptEncodingIsKept() throws IOException {
    OkHttpFileFetcher.create()
        .fetch(FetchRequest.newBuilder(hub.resolveUri("acme/m", "a.txt")).header("Accept-Encoding", "br").build())
        .close();

    assertThat(hub.requests().get(0).headers().get("Accept-Encoding")).containsExactly("br");
  }

  @Test
  void agentNamesOkHttpAndItsVersion() {
    assertThat(OkHttpFileFetcher.create().agent()).matches("okhttp/\\d+\\.\\d+.*");
  }

  @Test
  void serviceLoaderFindsTheProvider() {
    List<FileFetcherProvider> providers =
        StreamSupport.stream(ServiceLoader.load(FileFetcherProvider.class).spliterator(), false)
            .collect(Collectors.toList());

    FileFetcherProvider okhttp = providers.stream().filter(p -> p.id().equals("okhttp")).findFirst().orElseThrow();
    assertThat(okhttp.create()).isInstanceOf(OkHttpFileFetcher.class);
  }
}
