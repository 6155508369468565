package ai.boinc.transformers.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite (TCK) of the {@link FileFetcher} port: every transport module runs it
 * against itself by extending this class and supplying its fetcher.
 *
 * <pre>{@code
 * class JdkFileFetcherContractTest extends FileFetcherContract {
 *   @Override
 *   protected FileFetcher fetcher() {
 *     return JdkFileFetcher.create();
 *   }
 * }
 * }</pre>
 *
 * <p>What it checks, each against a fresh {@link LocalHub} on 127.0.0.1: redirects (the CDN 302
 * and the relative 307) come back as they are; request and response headers pass unchanged both
 * ways, repeated ones included, with nothing credential-bearing added; bodies are streamed, not
 * buffered; Range (206) and HEAD; {@link FetchRequest#timeout()} bounds both the wait for headers
 * and each wait for body bytes; a connection cut mid-body or closed before any response is an
 * {@link IOException}; a refused connection is an {@link IOException} naming host and port; an
 * interrupted thread gets an {@link InterruptedIOException} promptly and keeps its interrupt
 * status; a {@code Content-Length} above 2 GiB is reported exactly; POST bodies are sent.
 *
 * <p>The tests use short timeouts (a few hundred milliseconds) and small files except one
 * generated 3 GiB file of which only a few bytes are read. No test measures time: a transport
 * that ignored a timeout or an interrupt gets the full answer after the server's pause and fails.
 */
public abstract class FileFetcherContract {
  /** The token LocalHub accepts for {@code acme/secret}. */
  protected static final String TOKEN = "ba_contract_token";

  private static final String CONFIG = "{\"model_type\": \"llama\", \"vocab_size\": 32000}";
  private static final byte[] DATA = randomBytes(200_000, 11);
  private static final byte[] WEIGHTS = randomBytes(300_000, 12);
  private static final long HUGE = (3L << 30) + 17;
  private static final long HUGE_SEED = 99;
  private static final Duration SHORT = Duration.ofMillis(300);
  /** Longer than any wait a conforming transport makes, short enough to fail fast otherwise. */
  private static final Duration SERVER_PAUSE = Duration.ofSeconds(8);
  /** Headers a transport may add because HTTP/1.1 framing or the connection needs them. */
  private static final Set<String> TRANSPORT_HEADERS =
      Set.of("host", "connection", "keep-alive", "content-length", "transfer-encoding");

  private LocalHub hub;
  private FileFetcher fetcher;

  /**
   * The fetcher under test, with its default settings. Called once per test; the instance may be
   * shared between tests.
   */
  protected abstract FileFetcher fetcher();

  @BeforeEach
  void startHub() {
    hub =
        LocalHub.builder()
            .repo(
                HubRepo.model("acme/secret")
                    .privateRepo()
                    .file("config.json", CONFIG)
                    .file("data.bin", DATA)
                    .lfsFile("model.bin", WEIGHTS)
                    .build())
            .repo(HubRepo.model("acme/public").file("config.json", CONFIG).build())
            .repo(HubRepo.model("acme/huge").virtualLfsFile("huge.bin", HUGE, HUGE_SEED).build())
            .token(TOKEN, "contract-user", "acme/secret")
            .resolveCacheRedirects(true)
            .start();
    fetcher = fetcher();
  }

  @AfterEach
  void stopHub() {
    Thread.interrupted(); // never leak an interrupt into the next test
    hub.close();
  }

  /** The hub of the running test. */
  protected final LocalHub hub() {
    return hub;
  }

  private FetchRequest.Builder authorized(String path) {
    return FetchRequest.newBuilder(hub.resolveUri("acme/secret", path)).header("Authorization", "Bearer " + TOKEN);
  }

  private String hostAndPort(URI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  @Test
  void getReturnsStatusHeadersAndBody() throws IOException {
    FetchRequest request = authorized("config.json").build();
    try (FetchResponse response = fetcher.fetch(request)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.uri()).isEqualTo(request.uri());
      assertThat(response.header("X-Repo-Commit")).contains(hub.commit("acme/secret"));
      assertThat(response.contentLength()).hasValue(CONFIG.length());
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONFIG);
    }
  }

  @Test
  void headReturnsTheHeadersOfGetAndAnEmptyBody() throws IOException {
    FetchHeaders get;
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").build())) {
      get = response.headers();
    }
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").method("HEAD").build())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentLength()).hasValue(DATA.length);
      assertThat(response.header("ETag")).isEqualTo(get.first("ETag"));
      assertThat(response.body().readAllBytes()).isEmpty();
    }
    assertThat(hub.requests()).extracting(RecordedRequest::method).containsExactly("GET", "HEAD");
  }

  @Test
  void cdnRedirectIsReturnedAsItIsNotFollowed() throws IOException {
    for (String method : List.of("HEAD", "GET")) {
      try (FetchResponse response = fetcher.fetch(authorized("model.bin").method(method).build())) {
        assertThat(response.status()).as(method).isEqualTo(302);
        assertThat(response.header("Location")).get().asString().startsWith(hub.cdnEndpoint() + "/blobs/");
        assertThat(response.header("X-Linked-Size")).contains(Integer.toString(WEIGHTS.length));
        assertThat(response.header("X-Linked-Etag")).get().asString().startsWith("\"").endsWith("\"");
      }
    }
    assertThat(hub.requests()).extracting(RecordedRequest::origin).containsOnly(RecordedRequest.HUB).hasSize(2);
  }

  @Test
  void relativeRedirectIsReturnedAsItIsNotFollowed() throws IOException {
    try (FetchResponse response = fetcher.fetch(FetchRequest.get(hub.resolveUri("acme/public", "config.json")))) {
      assertThat(response.status()).isEqualTo(307);
      assertThat(response.header("Location")).get().asString().startsWith("/api/resolve-cache/models/acme/public/");
    }
    assertThat(hub.requests()).hasSize(1);
  }

  @Test
  void requestHeadersArriveUnchangedAndNothingElseIsAdded() throws IOException {
    FetchRequest request =
        authorized("config.json")
            .header("User-Agent", "transformers-java/0.1; java/17; contract")
            .header("Accept-Encoding", "identity")
            .header("X-Mixed-Case", "Value With  Spaces")
            .addHeader("X-Repeated", "one")
            .addHeader("X-Repeated", "two")
            .build();
    fetcher.fetch(request).close();

    RecordedRequest recorded = hub.requests().get(0);
    for (Map.Entry<String, List<String>> header : request.headers().asMap().entrySet()) {
      assertThat(recorded.headers().get(header.getKey())).as(header.getKey()).isEqualTo(header.getValue());
    }
    for (String name : recorded.headers().keySet()) {
      if (!request.headers().contains(name)) {
        assertThat(name.toLowerCase(Locale.ROOT)).as("header added by the transport").isIn(TRANSPORT_HEADERS);
      }
    }
  }

  @Test
  void noCredentialsOrCompressionAreAddedOfItsOwn() throws IOException {
    URI location;
    try (FetchResponse redirect = fetcher.fetch(authorized("model.bin").build())) {
      location = URI.create(redirect.header("Location").orElseThrow());
    }
    try (FetchResponse response = fetcher.fetch(FetchRequest.get(location))) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body().readAllBytes()).isEqualTo(WEIGHTS);
    }
    RecordedRequest cdn = hub.requests().get(1);
    assertThat(cdn.origin()).isEqualTo(RecordedRequest.CDN);
    for (String name : List.of("Authorization", "Proxy-Authorization", "Cookie", "X-Vault-Token")) {
      assertThat(cdn.header(name)).as(name).isEmpty();
    }
    assertThat(cdn.header("Accept-Encoding").orElse("identity")).as("Accept-Encoding").isEqualTo("identity");
  }

  @Test
  void responseHeadersArePassedThroughUnchangedIncludingRepeatedOnes() throws IOException {
    hub.addFault(
        Fault.status(503)
            .header("X-Repeated", "a")
            .header("X-Repeated", "b, c")
            .header("Link", "<http://127.0.0.1/next>; rel=\"next\"")
            .retryAfterSeconds(2));
    try (FetchResponse response = fetcher.fetch(authorized("config.json").build())) {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.headers().all("X-Repeated")).containsExactly("a", "b, c");
      assertThat(response.header("Link")).contains("<http://127.0.0.1/next>; rel=\"next\"");
      assertThat(response.header("Retry-After")).contains("2");
      assertThat(response.header("X-Error-Message")).contains("Injected fault: HTTP 503");
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("Injected fault");
    }
  }

  @Test
  void compressedBodyIsPassedThroughWithoutDecoding() throws IOException {
    try (LocalHub gzipHub =
        LocalHub.builder().repo(HubRepo.model("acme/public").file("config.json", CONFIG).build()).gzip(true).start()) {
      FetchRequest request =
          FetchRequest.newBuilder(gzipHub.resolveUri("acme/public", "config.json"))
              .header("Accept-Encoding", "gzip")
              .build();
      try (FetchResponse response = fetcher.fetch(request)) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).contains("gzip");
        assertThat(response.contentLength()).isEmpty();
        byte[] raw = response.body().readAllBytes();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONFIG);
        }
      }
    }
  }

  @Test
  void errorStatusComesBackWithItsBody() throws IOException {
    try (FetchResponse response = fetcher.fetch(FetchRequest.get(hub.resolveUri("acme/secret", "config.json")))) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("X-Error-Code")).contains("RepoNotFound");
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("\"error\"");
    }
  }

  @Test
  void rangeGives206WithContentRange() throws IOException {
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").rangeFrom(1000).build())) {
      assertThat(response.status()).isEqualTo(206);
      assertThat(response.header("Content-Range")).contains("bytes 1000-" + (DATA.length - 1) + "/" + DATA.length);
      assertThat(response.contentLength()).hasValue(DATA.length - 1000);
      assertThat(response.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, 1000, DATA.length));
    }
  }

  @Test
  void ignoredRangeComesBackAs200WithTheWholeBody() throws IOException {
    hub.addFault(Fault.ignoreRange());
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").rangeFrom(1000).build())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body().readAllBytes()).isEqualTo(DATA);
    }
  }

  @Test
  void bodyIsStreamedNotBuffered() throws Exception {
    int sent = 64 * 1024;
    hub.addFault(Fault.stall().afterBytes(sent));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<FetchResponse> pending = executor.submit(() -> fetcher.fetch(authorized("data.bin").build()));
      FetchResponse response;
      try {
        response = pending.get(SERVER_PAUSE.toSeconds() / 2, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("fetch did not return while the server held the body back: it buffers bodies", e);
      }
      try (response) {
        InputStream body = response.body();
        byte[] first;
        try {
          first = body.readNBytes(sent);
        } catch (IOException e) {
          throw new AssertionError("the bytes sent before the server paused did not arrive; requests: " + hub.requests(), e);
        }
        assertThat(first).isEqualTo(Arrays.copyOf(DATA, sent));
        hub.clearFaults(); // the server goes on
        assertThat(body.readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, sent, DATA.length));
      }
    } finally {
      hub.clearFaults();
      executor.shutdownNow();
    }
  }

  @Test
  void timeoutBoundsTheWaitForHeaders() {
    hub.addFault(Fault.delay(SERVER_PAUSE));
    FetchRequest request = authorized("config.json").timeout(SHORT).build();

    assertThatThrownBy(() -> fetcher.fetch(request).close())
        .isInstanceOf(IOException.class)
        .hasMessageContaining(hostAndPort(hub.endpoint()))
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void timeoutBoundsEachWaitForBodyBytes() throws IOException {
    hub.addFault(Fault.stall(SERVER_PAUSE).afterBytes(1000));
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").timeout(SHORT).build())) {
      InputStream body = response.body();
      assertThat(body.readNBytes(1000)).isEqualTo(Arrays.copyOf(DATA, 1000));
      assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
    } finally {
      hub.clearFaults();
    }
  }

  @Test
  void connectionCutMidBodyIsAnIoExceptionFromRead() throws IOException {
    hub.addFault(Fault.cutAfterBytes(1000));
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").build())) {
      assertThat(response.contentLength()).hasValue(DATA.length);
      InputStream body = response.body();
      assertThat(body.readNBytes(1000)).isEqualTo(Arrays.copyOf(DATA, 1000));
      assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
    }
  }

  @Test
  void connectionClosedWithoutResponseIsAnIoException() {
    // Several times: a transport may retry a dead connection once on its own.
    hub.addFault(Fault.resetConnection().times(5));

    assertThatThrownBy(() -> fetcher.fetch(authorized("config.json").build()).close()).isInstanceOf(IOException.class);
  }

  @Test
  void refusedConnectionNamesHostAndPortButNotThePathOrQuery() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/blobs/abc?exp=1&sig=secret-signature");

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.get(closed)).close())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageNotContaining("secret-signature");
  }

  @Test
  void interruptedThreadGetsInterruptedIoExceptionAndKeepsItsStatus() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> fetcher.fetch(authorized("config.json").build()).close())
        .isInstanceOf(InterruptedIOException.class);
    assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
  }

  @Test
  void interruptWhileWaitingForHeadersStopsTheFetch() throws Exception {
    hub.addFault(Fault.delay(SERVER_PAUSE));
    FetchRequest request = authorized("config.json").timeout(SERVER_PAUSE.multipliedBy(3)).build();
    Thread caller = Thread.currentThread();
    CompletableFuture<Void> interrupter = CompletableFuture.runAsync(() -> interruptOnceRecorded(caller, 1));
    try {
      assertThatThrownBy(() -> fetcher.fetch(request).close()).isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
    } finally {
      interrupter.join();
      Thread.interrupted();
    }
  }

  @Test
  void interruptWhileReadingAStalledBodyStopsTheRead() throws Exception {
    hub.addFault(Fault.stall(SERVER_PAUSE).afterBytes(1000));
    try (FetchResponse response = fetcher.fetch(authorized("data.bin").timeout(SERVER_PAUSE.multipliedBy(3)).build())) {
      InputStream body = response.body();
      assertThat(body.readNBytes(1000)).hasSize(1000);
      Thread caller = Thread.currentThread();
      CompletableFuture<Void> interrupter =
          CompletableFuture.runAsync(
              () -> {
                sleepQuietly(Duration.ofMillis(100));
                caller.interrupt();
              });
      try {
        assertThatThrownBy(body::readAllBytes).isInstanceOf(InterruptedIOException.class);
        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
      } finally {
        interrupter.join();
        Thread.interrupted();
      }
    } finally {
      hub.clearFaults();
    }
  }

  @Test
  void contentLengthAboveTwoGibibytesIsReportedExactly() throws IOException {
    URI cdn = hub.cdnUri("acme/huge", "huge.bin");
    try (FetchResponse response = fetcher.fetch(FetchRequest.head(cdn))) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentLength()).hasValue(HUGE);
    }
    try (FetchResponse response = fetcher.fetch(FetchRequest.get(cdn))) {
      assertThat(response.contentLength()).hasValue(HUGE);
      assertThat(response.body().readNBytes(64)).isEqualTo(HubRepo.virtualBytes(HUGE_SEED, 0, 64));
    } // closed after 64 bytes: the transport must not read the rest
    try (FetchResponse response = fetcher.fetch(FetchRequest.newBuilder(cdn).rangeFrom(HUGE - 10).build())) {
      assertThat(response.status()).isEqualTo(206);
      assertThat(response.header("Content-Range")).contains("bytes " + (HUGE - 10) + "-" + (HUGE - 1) + "/" + HUGE);
      assertThat(response.body().readAllBytes()).isEqualTo(HubRepo.virtualBytes(HUGE_SEED, HUGE - 10, 10));
    }
  }

  @Test
  void postSendsItsBodyAndContentType() throws IOException {
    URI uri = URI.create(hub.endpoint() + "/api/models/acme/public/paths-info/main");
    byte[] json = "{\"paths\": [\"config.json\"], \"expand\": false}".getBytes(StandardCharsets.UTF_8);
    try (FetchResponse response =
        fetcher.fetch(FetchRequest.newBuilder(uri).method("POST").body(json, "application/json").build())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("\"config.json\"");
    }
    RecordedRequest recorded = hub.requests().get(0);
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.body()).isEqualTo(json);
    assertThat(recorded.header("Content-Type")).contains("application/json");
  }

  @Test
  void oneFetcherServesConcurrentRequests() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String path = i % 2 == 0 ? "config.json" : "data.bin";
        results.add(
            executor.submit(
                () -> {
                  try (FetchResponse response = fetcher.fetch(authorized(path).build())) {
                    return response.body().readAllBytes();
                  }
                }));
      }
      for (int i = 0; i < results.size(); i++) {
        byte[] expected = i % 2 == 0 ? CONFIG.getBytes(StandardCharsets.UTF_8) : DATA;
        assertThat(get(results.get(i))).isEqualTo(expected);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void responseClosedEarlyLeavesTheFetcherUsable() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (FetchResponse response = fetcher.fetch(authorized("data.bin").build())) {
        assertThat(response.body().readNBytes(10)).isEqualTo(Arrays.copyOf(DATA, 10));
      }
    }
    try (FetchResponse response = fetcher.fetch(authorized("config.json").build())) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONFIG);
    }
  }

  private void interruptOnceRecorded(Thread thread, int requests) {
    for (int i = 0; i < 500 && hub.requests().size() < requests; i++) {
      sleepQuietly(Duration.ofMillis(10));
    }
    sleepQuietly(Duration.ofMillis(50)); // let the caller block in its wait for the answer
    thread.interrupt();
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T get(Future<T> future) throws InterruptedException {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        throw new UncheckedIOException((IOException) e.getCause());
      }
      throw new AssertionError(e.getCause());
    } catch (TimeoutException e) {
      return fail("a concurrent fetch did not finish");
    }
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
