package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetcherProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test-only FileFetcher on java.net.http (no redirects), standing in for
 * transport-jdk's JdkFileFetcher until that module lands on this branch. Switch to
 * {@code JdkFileFetcher.create()} when merging.
 */
final class HttpClientFileFetcher implements FileFetcher {
  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @Override
  public FetchResponse fetch(FetchRequest request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
    request.timeout().ifPresent(builder::timeout);
    request.headers().asMap().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    HttpRequest.BodyPublisher body = request.body()
        .map(HttpRequest.BodyPublishers::ofByteArray)
        .orElse(HttpRequest.BodyPublishers.noBody());
    builder.method(request.method(), body);
    try {
      HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new FetchResponse(request.uri(), response.statusCode(),
          FetchHeaders.of(response.headers().map()), response.body());
    } catch (ConnectException e) {
      throw new ConnectException("connection refused by " + request.uri().getHost() + ":" + request.uri().getPort());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching from " + request.uri().getHost());
    }
  }

  /** Registered in src/test/resources so that the provider's discovery finds a transport. */
  public static final class Provider implements FileFetcherProvider {
    @Override
    public String id() {
      return "test-httpclient";
    }

    @Override
    public int order() {
      return 1000;
    }

    @Override
    public FileFetcher create() {
      return new HttpClientFileFetcher();
    }
  }
}
