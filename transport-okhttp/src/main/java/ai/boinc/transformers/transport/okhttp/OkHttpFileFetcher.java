package ai.boinc.transformers.transport.okhttp;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A {@link FileFetcher} on OkHttp: connection pooling, HTTP/2, and the proxy, TLS and timeout
 * settings of the {@link OkHttpClient} you pass in.
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.corp", 3128)))
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .build();
 * Hub hub = Hub.builder().fileFetcher(OkHttpFileFetcher.of(client)).build();
 * }</pre>
 *
 * <p>Redirects are never followed here: the fetcher uses a derived client with redirects off,
 * sharing your client's pool and dispatcher, so the hub engine decides where a token may go.
 * The client stays yours to shut down. Thread-safe.
 */
public final class OkHttpFileFetcher implements FileFetcher {
  private final OkHttpClient client;

  private OkHttpFileFetcher(OkHttpClient client) {
    this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
  }

  /** A fetcher on a new client with OkHttp's defaults and a 10 second connect timeout. */
  public static OkHttpFileFetcher create() {
    return new OkHttpFileFetcher(new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  /** A fetcher on {@code client} (its proxy, TLS, pool and timeouts; redirects turned off). */
  public static OkHttpFileFetcher of(OkHttpClient client) {
    return new OkHttpFileFetcher(Objects.requireNonNull(client, "client"));
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws IOException {
    Request.Builder builder = new Request.Builder().url(HttpUrl.get(request.uri().toString()));
    for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
      for (String value : field.getValue()) {
        builder.addHeader(field.getKey(), value);
      }
    }
    RequestBody body = null;
    Optional<byte[]> bytes = request.body();
    if (bytes.isPresent()) {
      String contentType = request.headers().first("Content-Type").orElse("application/octet-stream");
      body = RequestBody.create(bytes.get(), MediaType.parse(contentType));
    } else if (request.method().equals("POST") || request.method().equals("PUT")) {
      body = RequestBody.create(new byte[0], null);
    }
    builder.method(request.method(), body);

    OkHttpClient callClient = client;
    if (request.timeout().isPresent()) {
      long millis = request.timeout().get().toMillis();
      callClient = client.newBuilder().readTimeout(millis, TimeUnit.MILLISECONDS).build();
    }
    Call call = callClient.newCall(builder.build());
    Response response;
    try {
      response = call.execute();
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(describe(request.uri()) + ": " + e.getMessage(), e);
    }
    ResponseBody responseBody = response.body();
    InputStream stream = responseBody != null ? responseBody.byteStream() : InputStream.nullInputStream();
    return new FetchResponse(
        request.uri(), response.code(), FetchHeaders.of(response.headers().toMultimap()), stream);
  }

  @Override
  public String agent() {
    return "okhttp/" + OkHttp.VERSION;
  }

  @Override
  public String toString() {
    return "OkHttpFileFetcher[" + agent() + "]";
  }

  private static String describe(URI uri) {
    int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return "request to " + uri.getHost() + ":" + port + " failed";
  }
}
