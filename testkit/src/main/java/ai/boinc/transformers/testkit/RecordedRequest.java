package ai.boinc.transformers.testkit;

import ai.boinc.transformers.fetch.FetchHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request that {@link LocalHub} received, on the hub or on the CDN origin, as it arrived: raw
 * (undecoded) path and query, and the headers with names compared case-insensitively.
 *
 * <p>Immutable. {@link #toString()} redacts {@code Authorization} and other credential headers, so
 * a failing assertion never prints a token.
 */
public final class RecordedRequest {
  /** {@link #origin()} of requests to {@link LocalHub#endpoint()}. */
  public static final String HUB = "hub";
  /** {@link #origin()} of requests to {@link LocalHub#cdnEndpoint()}. */
  public static final String CDN = "cdn";

  private final String origin;
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  RecordedRequest(
      String origin, String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    this.origin = origin;
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
  }

  /** Upper-case method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The path as sent, e.g. {@code /acme/x/resolve/refs%2Fpr%2F1/config.json}. */
  public String rawPath() {
    return rawPath;
  }

  /** The query as sent (without {@code ?}), or null if there was none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** All headers; names are case-insensitive keys. Unmodifiable. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, compared case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@link #HUB} or {@link #CDN}. */
  public String origin() {
    return origin;
  }

  /** The request body (a copy); empty for GET and HEAD. */
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(origin).append(' ').append(method).append(' ').append(rawPath);
    if (rawQuery != null) {
      out.append('?').append(rawQuery);
    }
    out.append(' ').append('{');
    boolean first = true;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(header.getKey()).append('=');
      out.append(FetchHeaders.isSensitive(header.getKey()) ? "[redacted]" : header.getValue());
    }
    out.append('}');
    if (body.length > 0) {
      out.append(" body ").append(body.length).append(" bytes");
    }
    return out.toString();
  }

}
