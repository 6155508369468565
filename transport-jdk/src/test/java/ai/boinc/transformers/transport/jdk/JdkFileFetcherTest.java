package ai.boinc.transformers.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcherProvider;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkFileFetcherTest {
  static final String TOKEN = "ba_demo_token";
  static final String CONFIG = "{\"model_type\": \"llama\"}";
  static final byte[] WEIGHTS = bytes(8 * 1024 * 1024, 7);

  LocalHub hub;
  JdkFileFetcher fetcher = JdkFileFetcher.create();

  @BeforeEach
  void start() {
    hub =
        LocalHub.builder()
            .repo(HubRepo.model("acme/secret").privateRepo().file("config.json", CONFIG).lfsFile("model.bin", WEIGHTS)
                .build())
            .token(TOKEN, "demo-user", "acme/secret")
            .start();
  }

  @AfterEach
  void stop() {
    Thread.interrupted(); // never leak an interrupt into the next test
    hub.close();
  }

  static byte[] bytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  URI config() {
    return hub.resolveUri("acme/secret", "config.json");
  }

  FetchRequest.Builder authorized(URI uri) {
    return FetchRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
  }

  @Test
  void getReturnsStatusHeadersAndBody() throws IOException {
    try (FetchResponse response = fetcher.fetch(authorized(config()).build())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.uri()).isEqualTo(config());
      assertThat(response.header("x-repo-commit")).contains(hub.commit("acme/secret"));
      assertThat(response.header("ETag")).get().asString().startsWith("\"");
      assertThat(response.contentLength()).hasValue(CONFIG.length());
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONFIG);
    }
  }

  @Test
  void headReturnsHeadersAndEmptyBody() throws IOException {
    try (FetchResponse response = fetcher.fetch(authorized(config()).method("HEAD").build())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentLength()).hasValue(CONFIG.length());
      assertThat(response.body().readAllBytes()).isEmpty();
    }
    assertThat(hub.requests()).extracting(RecordedRequest::method).containsExactly("HEAD");
  }

  @Test
  void redirectIsReturnedNotFollowed() throws IOException {
    URI model = hub.resolveUri("acme/secret", "model.bin");
    try (FetchResponse response = fetcher.fetch(authorized(model).method("HEAD").build())) {
      assertThat(response.status()).isEqualTo(302);
      assertThat(response.isRedirect()).isTrue();
      assertThat(response.header("Location")).get().asString().startsWith(hub.cdnEndpoint() + "/blobs/");
      assertThat(response.header("X-Linked-Size")).contains(Integer.toString(WEIGHTS.length));
    }
    try (FetchResponse response = fetcher.fetch(authorized(model).build())) {
      assertThat(response.status()).isEqualTo(302);
    }
    assertThat(hub.requests()).extracting(RecordedRequest::origin).containsOnly(RecordedRequest.HUB);
  }

  @Test
  void headersArePassedThroughUnchangedAndNothingIsAdded() throws IOException {
    FetchRequest request =
        authorized(config())
            .header("User-Agent", "transformers-java/0.1; java/17")
            .header("Accept-Encoding", "identity")
            .addHeader("X-Custom", "one")
            .addHeader("X-Custom", "two")
            .build();
    fetcher.fetch(request).close();

    RecordedRequest recorded = hub.requests().get(0);
    assertThat(recorded.headers().get("Authorization")).containsExactly("Bearer " + TOKEN);
    assertThat(recorded.headers().get("User-Agent")).containsExactly("transformers-java/0.1; java/17");
    assertThat(recorded.headers().get("Accept-Encoding")).containsExactly("identity");
    assertThat(recorded.headers().get("X-Custom")).containsExactly("one", "two");
    assertThat(recorded.headers().keySet())
        .allSatisfy(name -> assertThat(name.toLowerCase()).isNotIn("upgrade", "http2-settings", "cookie"));
  }

  @Test
  void noAuthorizationIsAddedOfItsOwn() throws IOException {
    URI location;
    try (FetchResponse redirect = fetcher.fetch(authorized(hub.resolveUri("acme/secret", "model.bin")).build())) {
      location = URI.create(redirect.header("Location").orElseThrow());
    }
    try (FetchResponse response = fetcher.fetch(FetchRequest.newBuilder(location).method("HEAD").build())) {
      assertThat(response.status()).isEqualTo(200);
    }
    assertThat(hub.requests().get(1).header("Authorization")).isEmpty();
  }

  @Test
  void rangeGives206() throws IOException {
    URI location = cdnLocation();
    try (FetchResponse response = fetcher.fetch(FetchRequest.newBuilder(location).rangeFrom(100).build())) {
      assertThat(response.status()).isEqualTo(206);
      assertThat(response.header("Content-Range"))
          .contains("bytes 100-" + (WEIGHTS.length - 1) + "/" + WEIGHTS.length);
      assertThat(response.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(WEIGHTS, 100, WEIGHTS.length));
    }
  }

  @Test
  void bodyIsStreamedNotBuffered() throws Exception {
    URI location = cdnLocation();
    int held = 1024 * 1024;
    hub.holdBodiesAfter(held);

    // A buffering fetcher would wait for the whole body, which the hub holds back.
    FetchResponse response;
    try {
      response =
          CompletableFuture.supplyAsync(() -> fetchUnchecked(FetchRequest.get(location))).get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("fetch did not return while the body was held back: it buffers the body", e);
    }
    try (response) {
      InputStream body = response.body();
      assertThat(body.readNBytes(held)).isEqualTo(Arrays.copyOf(WEIGHTS, held));
      hub.releaseBodies();
      byte[] rest = body.readAllBytes();
      assertThat(held + rest.length).isEqualTo(WEIGHTS.length);
      assertThat(rest).isEqualTo(Arrays.copyOfRange(WEIGHTS, held, WEIGHTS.length));
    }
  }

  @Test
  void largeBodyArrivesIntact() throws Exception {
    try (FetchResponse response = fetcher.fetch(FetchRequest.get(cdnLocation()));
        InputStream body = response.body()) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        sha256.update(buffer, 0, n);
        total += n;
      }
      assertThat(total).isEqualTo(WEIGHTS.length);
      assertThat(HexFormat.of().formatHex(sha256.digest()))
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(WEIGHTS)));
    }
  }

  @Test
  void postSendsTheBody() throws IOException {
    URI uri = URI.create(hub.endpoint() + "/api/whoami-v2");
    byte[] json = "{\"paths\":[\"a\"]}".getBytes(StandardCharsets.UTF_8);
    try (FetchResponse response =
        fetcher.fetch(FetchRequest.newBuilder(uri).method("POST").body(json, "application/json").build())) {
      assertThat(response.status()).isEqualTo(405);
    }
    RecordedRequest recorded = hub.requests().get(0);
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.body()).isEqualTo(json);
    assertThat(recorded.header("Content-Type")).contains("application/json");
  }

  @Test
  void connectionRefusedNamesHostAndPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/acme/x/resolve/main/config.json?sig=secret");

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(closed)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageNotContaining("sig=secret")
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void requestTimeoutBoundsTheWaitForHeaders() {
    hub.delayResponses(Duration.ofSeconds(5));
    FetchRequest request = FetchRequest.newBuilder(config()).timeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> fetcher.fetch(request))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining(hub.endpoint().getHost() + ":" + hub.endpoint().getPort());
  }

  @Test
  void requestTimeoutBoundsEachWaitForBodyBytes() throws IOException {
    hub.holdBodiesAfter(1024);
    FetchRequest request = FetchRequest.newBuilder(cdnLocation()).timeout(Duration.ofMillis(300)).build();

    try (FetchResponse response = fetcher.fetch(request)) {
      InputStream body = response.body();
      assertThat(body.readNBytes(1024)).hasSize(1024);
      assertThatThrownBy(body::read)
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessageContaining("127.0.0.1:" + hub.cdnEndpoint().getPort());
      assertThatThrownBy(body::read).isInstanceOf(SocketTimeoutException.class);
    } finally {
      hub.releaseBodies();
    }
  }

  @Test
  void interruptedThreadGetsInterruptedIoException() {
    hub.delayResponses(Duration.ofSeconds(5));
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(config()))).isInstanceOf(InterruptedIOException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void restrictedHeadersAreRejectedByName() {
    for (String name : List.of("Host", "Connection", "content-length", "Expect", "Upgrade")) {
      FetchRequest request = FetchRequest.newBuilder(config()).header(name, "x").build();
      assertThatThrownBy(() -> fetcher.fetch(request))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + name + "'");
    }
    assertThat(hub.requests()).isEmpty();
  }

  @Test
  void clientThatFollowsRedirectsIsRejected() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> JdkFileFetcher.of(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NEVER");
  }

  @Test
  void userSuppliedClientIsUsed() throws IOException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    JdkFileFetcher own = JdkFileFetcher.builder(client).defaultTimeout(Duration.ofSeconds(5)).build();

    assertThat(own.httpClient()).isSameAs(client);
    try (FetchResponse response = own.fetch(FetchRequest.get(config()))) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("X-Error-Code")).contains("RepoNotFound");
    }
  }

  @Test
  void agentNamesTheJdkFeatureVersion() {
    assertThat(fetcher.agent()).isEqualTo("jdk-httpclient/" + Runtime.version().feature());
  }

  @Test
  void serviceLoaderFindsTheProvider() {
    List<FileFetcherProvider> providers =
        StreamSupport.stream(ServiceLoader.load(FileFetcherProvider.class).spliterator(), false)
            .collect(Collectors.toList());

    assertThat(providers).extracting(FileFetcherProvider::id).contains("jdk");
    FileFetcherProvider jdk = providers.stream().filter(p -> p.id().equals("jdk")).findFirst().orElseThrow();
    assertThat(jdk.order()).isEqualTo(100);
    assertThat(jdk.create()).isInstanceOf(JdkFileFetcher.class);
  }

  private URI cdnLocation() throws IOException {
    try (FetchResponse redirect =
        fetcher.fetch(authorized(hub.resolveUri("acme/secret", "model.bin")).method("HEAD").build())) {
      return URI.create(redirect.header("Location").orElseThrow());
    }
  }

  private FetchResponse fetchUnchecked(FetchRequest request) {
    try {
      return fetcher.fetch(request);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
