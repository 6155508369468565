package ai.boinc.transformers.transport.okhttp;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

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
 * <p>What it does with a {@link FetchRequest}:
 *
 * <ul>
 *   <li>Redirects are never followed: the fetcher uses a client derived from yours with redirects
 *       off (sharing its pool and dispatcher), so the hub engine decides where a token may go.
 *   <li>Headers are sent unchanged. OkHttp adds {@code Host}, {@code Connection} and, for bodies,
 *       {@code Content-Length}, plus {@code User-Agent: okhttp/...} only when the request has none.
 *       A request without {@code Accept-Encoding} is sent with {@code Accept-Encoding: identity}:
 *       otherwise OkHttp would ask for gzip and decompress on its own, dropping {@code
 *       Content-Length} and {@code Content-Encoding} from the response and breaking byte offsets.
 *       Response headers come back as received.
 *   <li>{@link FetchRequest#timeout()} is the read timeout of the call: it bounds the wait for the
 *       response headers and every wait for more body bytes ({@link SocketTimeoutException}).
 *       Without one, your client's read timeout applies (OkHttp's default is 10 s).
 *   <li>The body is streamed from the socket: {@link #fetch} returns once the headers have
 *       arrived.
 *   <li>Interrupting the calling thread cancels the call, both while waiting for the headers and
 *       while reading the body: the blocked call fails promptly with an {@link
 *       InterruptedIOException} and the thread keeps its interrupt status. (OkHttp's socket reads
 *       ignore interrupts on their own; a small watcher thread cancels the call, see {@code
 *       InterruptWatch}.)
 *   <li>Failures are {@link IOException}s whose message names {@code scheme://host:port} and never
 *       the path or query; {@link ConnectException}, {@link SocketTimeoutException} and {@link
 *       UnknownHostException} keep their type; the original exception is the cause. OkHttp's own
 *       {@code retryOnConnectionFailure} stays as your client has it; retries on HTTP statuses
 *       belong to the hub engine.
 * </ul>
 *
 * <p>Thread-safe; share one instance. The client stays yours to shut down.
 */
public final class OkHttpFileFetcher implements FileFetcher {
  /** Derived clients kept per timeout; requests use few distinct timeouts. */
  private static final int MAX_CACHED_CLIENTS = 16;

  private final OkHttpClient client;
  private final Map<Duration, OkHttpClient> byTimeout = new ConcurrentHashMap<>();

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
    Objects.requireNonNull(request, "request");
    String where = where(request.uri());
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException(request.method() + " to " + where + " was interrupted");
    }
    Call call = clientFor(request.timeout()).newCall(toOkHttp(request));
    Response response;
    InterruptWatch.Registration watch = InterruptWatch.watch(call::cancel);
    try {
      response = call.execute();
    } catch (IOException e) {
      throw describe(e, watch.fired(), request.method() + " to " + where);
    } finally {
      watch.close();
    }
    if (watch.fired()) {
      response.close();
      throw describe(new InterruptedIOException("interrupted"), true, request.method() + " to " + where);
    }
    try {
      InputStream body = new Body(call, response, where);
      return new FetchResponse(request.uri(), response.code(), FetchHeaders.of(response.headers().toMultimap()), body);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  @Override
  public String agent() {
    return "okhttp/" + OkHttp.VERSION;
  }

  @Override
  public String toString() {
    return "OkHttpFileFetcher[" + agent() + "]";
  }

  private OkHttpClient clientFor(Optional<Duration> timeout) {
    if (timeout.isEmpty()) {
      return client;
    }
    Duration value = timeout.get();
    OkHttpClient cached = byTimeout.get(value);
    if (cached != null) {
      return cached;
    }
    OkHttpClient derived = client.newBuilder().readTimeout(value.toMillis(), TimeUnit.MILLISECONDS).build();
    if (byTimeout.size() < MAX_CACHED_CLIENTS) {
      byTimeout.putIfAbsent(value, derived);
    }
    return derived;
  }

  private static Request toOkHttp(FetchRequest request) {
    Request.Builder builder = new Request.Builder().url(HttpUrl.get(request.uri().toString()));
    for (Map.Entry<String, List<String>> field : request.headers().asMap().entrySet()) {
      for (String value : field.getValue()) {
        try {
          builder.addHeader(field.getKey(), value);
        } catch (IllegalArgumentException e) {
          // OkHttp's message may quote the value, which may be a secret.
          throw new IllegalArgumentException("OkHttp rejected header '" + field.getKey() + "'");
        }
      }
    }
    if (!request.headers().contains("Accept-Encoding")) {
      builder.header("Accept-Encoding", "identity");
    }
    RequestBody body = null;
    Optional<byte[]> bytes = request.body();
    if (bytes.isPresent()) {
      String contentType = request.headers().first("Content-Type").orElse(null);
      body = RequestBody.create(bytes.get(), contentType == null ? null : MediaType.parse(contentType));
    } else if (request.method().equals("POST") || request.method().equals("PUT")) {
      body = RequestBody.create(new byte[0], null);
    }
    builder.method(request.method(), body);
    return builder.build();
  }

  /** The same kind of exception with a message naming the host and port; interrupts win. */
  static IOException describe(IOException e, boolean interrupted, String what) {
    IOException described;
    if (interrupted || (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted())) {
      Thread.currentThread().interrupt();
      described = new InterruptedIOException(what + " was interrupted");
    } else if (e instanceof SocketTimeoutException) {
      described = new SocketTimeoutException(what + " timed out: " + reason(e));
    } else if (e instanceof ConnectException) {
      described = new ConnectException(what + ": cannot connect: " + reason(e));
    } else if (e instanceof UnknownHostException) {
      described = new UnknownHostException(what + ": unknown host");
    } else if (e instanceof InterruptedIOException) {
      described = new InterruptedIOException(what + " failed: " + reason(e));
    } else {
      described = new IOException(what + " failed: " + reason(e));
    }
    described.initCause(e);
    return described;
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isEmpty()) {
        return stripUrls(t.getMessage());
      }
    }
    return e.getClass().getSimpleName();
  }

  /** OkHttp messages may quote a URL; keep only up to its path so no signed query leaks. */
  private static String stripUrls(String message) {
    return message.replaceAll("(https?://[^\\s?#]*)[?#]\\S*", "$1");
  }

  /** {@code scheme://host:port} — no path or query, which may hold signatures. */
  static String where(URI uri) {
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return uri.getScheme() + "://" + uri.getHost() + ":" + port;
  }

  /**
   * The response body: reads are watched for interrupts (which cancel the call), a zero-length
   * read never touches the socket, and failures name the host. One reader, like any stream.
   */
  private static final class Body extends InputStream {
    private final Call call;
    private final Response response;
    private final InputStream in;
    private final String where;

    Body(Call call, Response response, String where) {
      this.call = call;
      this.response = response;
      this.in = response.body().byteStream();
      this.where = where;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      if (Thread.currentThread().isInterrupted()) {
        call.cancel();
        throw new InterruptedIOException("reading the response from " + where + " was interrupted");
      }
      InterruptWatch.Registration watch = InterruptWatch.watch(call::cancel);
      try {
        int n = in.read(buffer, offset, length);
        if (watch.fired()) {
          throw describe(new InterruptedIOException("interrupted"), true, "reading the response from " + where);
        }
        return n;
      } catch (IOException e) {
        throw describe(e, watch.fired(), "reading the response from " + where);
      } finally {
        watch.close();
      }
    }

    @Override
    public long skip(long count) throws IOException {
      byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, count))];
      long skipped = 0;
      while (skipped < count) {
        int n = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
        if (n < 0) {
          break;
        }
        skipped += n;
      }
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
