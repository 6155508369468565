package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.InsecureEndpointException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interceptor chain's redirect, auth and retry rules, against a scripted transport. */
class PipelineTest {
  static final String SECRET = "ba_pipeline_secret_token";
  static final URI HUB = URI.create("https://hub.example");

  /** Answers from a script and records what it was asked. */
  static final class Script implements FileFetcher {
    final Deque<Object> answers = new ArrayDeque<>();
    final List<FetchRequest> seen = new ArrayList<>();

    Script redirect(int status, String location) {
      answers.add(new FetchResponse(URI.create("http://x"), status,
          FetchHeaders.builder().add("Location", location).build(), InputStream()));
      return this;
    }

    Script status(int status, String... headers) {
      FetchHeaders.Builder h = FetchHeaders.builder();
      for (int i = 0; i < headers.length; i += 2) {
        h.add(headers[i], headers[i + 1]);
      }
      answers.add(new FetchResponse(URI.create("http://x"), status, h.build(), InputStream()));
      return this;
    }

    Script fail(IOException e) {
      answers.add(e);
      return this;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws IOException {
      seen.add(request);
      Object next = answers.poll();
      if (next instanceof IOException) {
        throw (IOException) next;
      }
      FetchResponse r = (FetchResponse) next;
      return new FetchResponse(request.uri(), r.status(), r.headers(), r.body());
    }

    Optional<String> auth(int i) {
      return seen.get(i).headers().first("Authorization");
    }

    private static java.io.InputStream InputStream() {
      return new ByteArrayInputStream(new byte[0]);
    }
  }

  static FileContext ctx(URI endpoint) {
    return new FileContext(endpoint, RepoType.MODEL, "acme/m", "a.txt", "main",
        Optional.of(new ResolvedToken(AccessToken.of(SECRET), "test source")), "test source");
  }

  static FetchResponse run(Script script, URI endpoint, URI uri, boolean sameOriginOnly, RetryPolicy policy)
      throws IOException {
    Pipeline pipeline = new Pipeline(script, endpoint, "ua/1", false, false);
    return pipeline.execute(FetchRequest.get(uri), new Call(ctx(endpoint), Duration.ofSeconds(1), sameOriginOnly, policy));
  }

  static FetchResponse run(Script script, URI uri) throws IOException {
    return run(script, HUB, uri, false, RetryPolicy.none());
  }

  @Test
  void theTokenIsDroppedOnAnOriginChangeAndNotReaddedOnTheWayBack() throws IOException {
    Script script = new Script()
        .redirect(307, "/api/resolve-cache/a.txt")
        .redirect(302, "https://cdn.example/blob?sig=1")
        .redirect(302, "https://hub.example/back")
        .status(200);

    assertThat(run(script, URI.create("https://hub.example/acme/m/resolve/main/a.txt")).status()).isEqualTo(200);

    assertThat(script.auth(0)).contains("Bearer " + SECRET);
    assertThat(script.auth(1)).as("relative redirect stays on the hub").contains("Bearer " + SECRET);
    assertThat(script.auth(2)).isEmpty();
    assertThat(script.auth(3)).as("hop back to the hub").isEmpty();
    assertThat(script.seen).allSatisfy(r -> assertThat(r.headers().first("User-Agent")).contains("ua/1"));
  }

  @Test
  void atMostTenRedirectsAreFollowed() throws IOException {
    Script nine = new Script();
    for (int i = 0; i < 9; i++) {
      nine.redirect(302, "/hop" + i);
    }
    nine.status(200);
    assertThat(run(nine, URI.create("https://hub.example/start")).status()).isEqualTo(200);

    Script eleven = new Script();
    for (int i = 0; i < 11; i++) {
      eleven.redirect(302, "/hop" + i);
    }
    assertThatThrownBy(() -> run(eleven, URI.create("https://hub.example/start")))
        .isInstanceOf(HubException.class).hasMessageContaining("More than 10 redirects");
    assertThat(eleven.seen).hasSize(10);
  }

  @Test
  void aDowngradeFromHttpsToHttpIsRefused() {
    Script script = new Script().redirect(302, "http://cdn.example/blob");
    assertThatThrownBy(() -> run(script, URI.create("https://hub.example/x")))
        .isInstanceOf(HubException.class).hasMessageContaining("https to plain http");
    assertThat(script.seen).hasSize(1);
  }

  @Test
  void metadataRequestsStopAtACrossOriginRedirect() throws IOException {
    Script script = new Script().redirect(307, "/other").redirect(302, "https://cdn.example/blob");
    FetchResponse response = run(script, HUB, URI.create("https://hub.example/x"), true, RetryPolicy.none());
    assertThat(response.status()).isEqualTo(302);
    assertThat(script.seen).hasSize(2);
  }

  @Test
  void theTokenNeverGoesOverPlainHttpToARemoteHost() {
    Script script = new Script().status(200);
    URI endpoint = URI.create("http://hub.example");
    assertThatThrownBy(() -> run(script, endpoint, URI.create("http://hub.example/x"), false, RetryPolicy.none()))
        .isInstanceOf(InsecureEndpointException.class).hasMessageNotContaining(SECRET);
    assertThat(script.seen).isEmpty();
  }

  @Test
  void retriesFollowTheScheduleAndHonourRetryAfter() throws IOException {
    List<Duration> sleeps = new ArrayList<>();
    RetryPolicy policy = RetryPolicy.builder().jitter(0).sleeper(sleeps::add).build();
    Script script = new Script().status(503).fail(new ConnectException("refused")).status(429, "Retry-After", "4")
        .status(200);

    assertThat(run(script, HUB, URI.create("https://hub.example/x"), false, policy).status()).isEqualTo(200);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void theLastAnswerIsReturnedWhenAttemptsRunOut() throws IOException {
    List<Duration> sleeps = new ArrayList<>();
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).jitter(0).sleeper(sleeps::add).build();
    Script script = new Script().status(500).status(502);
    assertThat(run(script, HUB, URI.create("https://hub.example/x"), false, policy).status()).isEqualTo(502);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void anInterruptIsNotRetried() {
    RetryPolicy policy = RetryPolicy.builder().sleeper(d -> { }).build();
    Script script = new Script().fail(new java.io.InterruptedIOException("interrupted")).status(200);
    assertThatThrownBy(() -> run(script, HUB, URI.create("https://hub.example/x"), false, policy))
        .isInstanceOf(java.io.InterruptedIOException.class);
    assertThat(script.seen).hasSize(1);
  }

  @Test
  void offlineModeRefusesEveryRequest() {
    Script script = new Script().status(200);
    Pipeline pipeline = new Pipeline(script, HUB, "ua/1", true, false);
    assertThatThrownBy(() -> pipeline.execute(FetchRequest.get(URI.create("https://hub.example/x")),
        new Call(ctx(HUB), Duration.ofSeconds(1), false, RetryPolicy.none())))
        .isInstanceOf(OfflineCacheMissException.class);
    assertThat(script.seen).isEmpty();
  }

  @Test
  void scrubbedServerTextLosesTokensAndSignedQueries() {
    String text = ctx(HUB).scrub("failed on https://cdn.example/blobs/abc?sig=S3CR3T&exp=1 with " + SECRET);
    assertThat(text).doesNotContain(SECRET).doesNotContain("S3CR3T").contains("https://cdn.example/blobs/abc");
  }
}
