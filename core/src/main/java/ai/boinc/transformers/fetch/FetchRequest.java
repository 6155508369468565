package ai.boinc.transformers.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request for a {@link FileFetcher}: method, absolute URI, headers, an optional small body
 * (credential back-ends POST JSON; files are never uploaded) and an optional idle timeout.
 *
 * <p>Immutable. {@link #toString()} redacts credential headers.
 */
public final class FetchRequest {
  private final String method;
  private final URI uri;
  private final FetchHeaders headers;
  private final byte[] body;
  private final Duration timeout;

  private FetchRequest(Builder builder) {
    this.method = builder.method;
    this.uri = builder.uri;
    this.headers = builder.headers.build();
    this.body = builder.body;
    this.timeout = builder.timeout;
  }

  public static Builder newBuilder(URI uri) {
    return new Builder().uri(uri);
  }

  /** The same as {@link #newBuilder(URI)}, named like {@code Hub.builder()}. */
  public static Builder builder(URI uri) {
    return newBuilder(uri);
  }

  public static FetchRequest get(URI uri) {
    return newBuilder(uri).build();
  }

  public static FetchRequest head(URI uri) {
    return newBuilder(uri).method("HEAD").build();
  }

  /** The same as {@link #newBuilder()}, named like {@code EncodeOptions.toBuilder()}. */
  public Builder toBuilder() {
    return newBuilder();
  }

  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.method = method;
    builder.uri = uri;
    builder.headers = headers.newBuilder();
    builder.body = body;
    builder.timeout = timeout;
    return builder;
  }

  /** Upper-case method name: GET, HEAD, POST, PUT or DELETE. */
  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  public FetchHeaders headers() {
    return headers;
  }

  /** The request body, if any (a copy). */
  public Optional<byte[]> body() {
    return body == null ? Optional.empty() : Optional.of(body.clone());
  }

  /**
   * The longest time to wait for the response headers or for the next bytes of the body; empty
   * means the transport's default.
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public String toString() {
    return "FetchRequest{" + method + " " + uri + ", headers=" + headers + "}";
  }

  /** Builds a {@link FetchRequest}. Not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private URI uri;
    private FetchHeaders.Builder headers = FetchHeaders.builder();
    private byte[] body;
    private Duration timeout;

    private Builder() {}

    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      String upper = method.toUpperCase(Locale.ROOT);
      switch (upper) {
        case "GET":
        case "HEAD":
        case "POST":
        case "PUT":
        case "DELETE":
          this.method = upper;
          return this;
        default:
          throw new IllegalArgumentException("unsupported HTTP method " + method);
      }
    }

    public Builder uri(URI uri) {
      Objects.requireNonNull(uri, "uri");
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException("only absolute http(s) URIs can be fetched: " + uri);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("URI has no host: " + uri);
      }
      this.uri = uri;
      return this;
    }

    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    public Builder addHeader(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public Builder removeHeader(String name) {
      headers.remove(name);
      return this;
    }

    public Builder headers(FetchHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers").newBuilder();
      return this;
    }

    /** Asks for the bytes from {@code offset} to the end ({@code Range: bytes=offset-}). */
    public Builder rangeFrom(long offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("range offset < 0: " + offset);
      }
      headers.set("Range", "bytes=" + offset + "-");
      return this;
    }

    public Builder body(byte[] body, String contentType) {
      Objects.requireNonNull(body, "body");
      this.body = Arrays.copyOf(body, body.length);
      headers.set("Content-Type", Objects.requireNonNull(contentType, "contentType"));
      return this;
    }

    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public FetchRequest build() {
      if (uri == null) {
        throw new IllegalStateException("uri is not set");
      }
      if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
        throw new IllegalStateException(method + " requests carry no body");
      }
      return new FetchRequest(this);
    }
  }
}
