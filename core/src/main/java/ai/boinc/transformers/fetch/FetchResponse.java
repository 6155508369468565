package ai.boinc.transformers.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to one {@link FetchRequest}: status, headers and a streaming body.
 *
 * <p>The caller owns the response and must {@link #close()} it, which releases the connection;
 * the body is read at most once. Not thread-safe.
 */
public final class FetchResponse implements Closeable {
  private final URI uri;
  private final int status;
  private final FetchHeaders headers;
  private final InputStream body;

  /**
   * @param uri the URI that was requested (transports never follow redirects, so this is also the
   *     URI that answered)
   * @param body the body stream; an empty stream for HEAD and bodiless answers
   */
  public FetchResponse(URI uri, int status, FetchHeaders headers, InputStream body) {
    this.uri = Objects.requireNonNull(uri, "uri");
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("invalid HTTP status " + status);
    }
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
  }

  public URI uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  public FetchHeaders headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** {@code Content-Length} when present and valid. */
  public OptionalLong contentLength() {
    Optional<String> value = headers.first("Content-Length");
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long length = Long.parseLong(value.get().trim());
      return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  public boolean isRedirect() {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The body stream, streamed from the network: never buffered whole by the transport. */
  public InputStream body() {
    return body;
  }

  @Override
  public void close() throws IOException {
    body.close();
  }

  @Override
  public String toString() {
    return "FetchResponse{" + status + " " + uri + ", headers=" + headers + "}";
  }
}
