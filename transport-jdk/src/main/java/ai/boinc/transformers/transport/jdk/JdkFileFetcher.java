package ai.boinc.transformers.transport.jdk;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link FileFetcher} on the JDK's {@link HttpClient}: no dependency beyond the JDK.
 *
 * <pre>{@code
 * FileFetcher fetcher = JdkFileFetcher.create();
 * try (FetchResponse response = fetcher.fetch(FetchRequest.get(uri))) {
 *   response.body().transferTo(out);
 * }
 * }</pre>
 *
 * <p>What it does with a {@link FetchRequest}:
 *
 * <ul>
 *   <li>Redirects are never followed: a 3xx comes back as it is.
 *   <li>Headers are sent unchanged. The JDK client refuses to send a few headers it manages itself
 *       ({@code Connection}, {@code Content-Length}, {@code Expect}, {@code Host}, {@code Upgrade});
 *       a request carrying one fails with an {@link IllegalArgumentException} naming the header.
 *       The JDK adds its own {@code User-Agent} only if the request has none.
 *   <li>{@link FetchRequest#timeout()} (or the {@linkplain Builder#defaultTimeout default}) bounds
 *       both the wait for the response headers and every wait for more body bytes; an expired wait
 *       is an {@link HttpTimeoutException} or a {@link java.net.SocketTimeoutException}.
 *   <li>The body is streamed from the client's body publisher, a few buffers at a time: {@link
 *       #fetch} returns as soon as the headers have arrived.
 *   <li>Failures are {@link IOException}s whose message names the host and port ({@link
 *       ConnectException} when the connection cannot be made); the original exception is the
 *       cause. An interrupted thread gets an {@link InterruptedIOException} and keeps its
 *       interrupt status, both while waiting for the headers and while reading the body. Messages never contain header values or the query string.
 * </ul>
 *
 * <p>Thread-safe; share one instance. It does not own a user-supplied client and never closes it.
 */
public final class JdkFileFetcher implements FileFetcher {
  /** Connect timeout of the client made by {@link #create()}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Timeout for requests that set none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Headers that {@code java.net.http.HttpClient} refuses to send (JDK 12 and later). */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration defaultTimeout;

  private JdkFileFetcher(Builder builder) {
    this.client = builder.client;
    this.defaultTimeout = builder.defaultTimeout;
  }

  /**
   * A fetcher with its own client: HTTP/1.1, redirects never followed, connect timeout {@link
   * #DEFAULT_CONNECT_TIMEOUT}, the JDK's default proxy and TLS settings.
   *
   * <p>HTTP/1.1 because over plain {@code http} the JDK client would otherwise add {@code Upgrade:
   * h2c} headers to every request, and because large downloads gain nothing from HTTP/2
   * multiplexing. Supply your own client to use HTTP/2.
   */
  public static JdkFileFetcher create() {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
            .build();
    return builder(client).build();
  }

  /** A fetcher on {@code client} with default settings; see {@link #builder(HttpClient)}. */
  public static JdkFileFetcher of(HttpClient client) {
    return builder(client).build();
  }

  /**
   * Starts a fetcher on a client you configured (proxy, TLS, executor, HTTP version). The client
   * stays yours. Its redirect policy must be {@link HttpClient.Redirect#NEVER} (the JDK default):
   * the SDK follows redirects itself so that the token never travels to another origin.
   *
   * @throws IllegalArgumentException if {@code client} follows redirects
   */
  public static Builder builder(HttpClient client) {
    return new Builder(client);
  }

  /** The client this fetcher sends requests with. */
  public HttpClient httpClient() {
    return client;
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    Duration timeout = request.timeout().orElse(defaultTimeout);
    String where = where(request.uri());
    HttpRequest httpRequest = toHttpRequest(request, timeout);
    HttpResponse<InputStream> response;
    try {
      response = client.send(httpRequest, info -> new StreamingBody(timeout, where));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException(request.method() + " to " + where + " was interrupted");
      interrupted.initCause(e);
      throw interrupted;
    } catch (IOException e) {
      throw describe(e, request.method(), where, timeout);
    }
    InputStream body = response.body();
    try {
      return new FetchResponse(request.uri(), response.statusCode(), headers(response, where), body);
    } catch (IOException | RuntimeException e) {
      body.close();
      throw e;
    }
  }

  /** {@code "jdk-httpclient/<feature version>"}, e.g. {@code "jdk-httpclient/17"}. */
  @Override
  public String agent() {
    return "jdk-httpclient/" + Runtime.version().feature();
  }

  @Override
  public String toString() {
    return "JdkFileFetcher{version=" + client.version() + ", defaultTimeout=" + defaultTimeout + "}";
  }

  private static HttpRequest toHttpRequest(FetchRequest request, Duration timeout) {
    HttpRequest.BodyPublisher body =
        request.body().map(HttpRequest.BodyPublishers::ofByteArray).orElseGet(HttpRequest.BodyPublishers::noBody);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri()).method(request.method(), body).timeout(timeout);
    for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
      String name = field.getKey();
      if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "header '" + name + "' cannot be sent with java.net.http.HttpClient, which sets it itself;"
                + " remove it from the request");
      }
      for (String value : field.getValue()) {
        try {
          builder.header(name, value);
        } catch (IllegalArgumentException e) {
          // The JDK's message may quote the value, which may be a secret.
          IllegalArgumentException rejected =
              new IllegalArgumentException("java.net.http.HttpClient rejected header '" + name + "'");
          if (!FetchHeaders.isSensitive(name)) {
            rejected.initCause(e);
          }
          throw rejected;
        }
      }
    }
    return builder.build();
  }

  private static FetchHeaders headers(HttpResponse<?> response, String where) throws IOException {
    FetchHeaders.Builder headers = FetchHeaders.builder();
    for (Map.Entry<String, List<String>> field : response.headers().map().entrySet()) {
      String name = field.getKey();
      if (name.startsWith(":")) {
        continue; // HTTP/2 pseudo-headers such as :status
      }
      for (String value : field.getValue()) {
        try {
          headers.add(name, value);
        } catch (IllegalArgumentException e) {
          throw new IOException("malformed response header '" + name + "' from " + where, e);
        }
      }
    }
    return headers.build();
  }

  /** The same kind of exception, with a message that names the host and port. */
  private static IOException describe(IOException e, String method, String where, Duration timeout) {
    IOException described;
    if (e instanceof HttpConnectTimeoutException) {
      described = new HttpConnectTimeoutException("connecting to " + where + " timed out");
    } else if (e instanceof HttpTimeoutException) {
      described =
          new HttpTimeoutException(method + " to " + where + ": no response within " + timeout.toMillis() + " ms");
    } else if (e instanceof ConnectException) {
      described = new ConnectException("cannot connect to " + where + reason(e));
    } else if (e instanceof InterruptedIOException) {
      described = new InterruptedIOException(method + " to " + where + " was interrupted");
    } else {
      described = new IOException(method + " to " + where + " failed" + reason(e));
    }
    described.initCause(e);
    return described;
  }

  /** {@code ": <first message in the cause chain>"}, or empty. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isEmpty()) {
        return ": " + t.getMessage();
      }
    }
    return ": " + e.getClass().getSimpleName();
  }

  /** {@code scheme://host:port} — no path or query, which may hold signatures. */
  private static String where(URI uri) {
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return uri.getScheme() + "://" + uri.getHost() + ":" + port;
  }

  /** Settings of a {@link JdkFileFetcher} on a user-supplied client. Not thread-safe. */
  public static final class Builder {
    private final HttpClient client;
    private Duration defaultTimeout = DEFAULT_TIMEOUT;

    private Builder(HttpClient client) {
      Objects.requireNonNull(client, "client");
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "the HttpClient follows redirects (" + client.followRedirects() + "); build it with"
                + " followRedirects(HttpClient.Redirect.NEVER): the SDK follows redirects itself so the"
                + " token never reaches another origin");
      }
      this.client = client;
    }

    /**
     * Timeout for requests without {@link FetchRequest#timeout()}: the longest wait for the
     * response headers and for each next part of the body. Default {@link #DEFAULT_TIMEOUT}.
     */
    public Builder defaultTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.defaultTimeout = timeout;
      return this;
    }

    public JdkFileFetcher build() {
      return new JdkFileFetcher(this);
    }
  }
}
