package ai.boinc.transformers.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A received request, detached from the JDK exchange so routes are plain functions. Immutable.
 */
public final class HubRequest {
  private final String origin;
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  public HubRequest(
      String origin,
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    this.origin = origin;
    this.method = method.toUpperCase(Locale.ROOT);
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
  }

  /** The same request without any value of header {@code name}. */
  public HubRequest withoutHeader(String name) {
    TreeMap<String, List<String>> fewer = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    fewer.putAll(headers);
    fewer.remove(name);
    return new HubRequest(origin, method, rawPath, rawQuery, fewer, body);
  }

  /** {@code "hub"} or {@code "cdn"}. */
  public String origin() {
    return origin;
  }

  public String method() {
    return method;
  }

  public boolean isHead() {
    return method.equals("HEAD");
  }

  public String rawPath() {
    return rawPath;
  }

  /** The undecoded query, or null. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Case-insensitive, unmodifiable. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The request body; do not modify. */
  public byte[] body() {
    return body;
  }

  /** The first value of a query parameter, percent-decoded ({@code +} as space). */
  public Optional<String> queryParameter(String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (decodeForm(key).equals(name)) {
        return Optional.of(eq < 0 ? "" : decodeForm(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  /** Raw path segments after the leading {@code /}; {@code "/a//b"} gives {@code [a, "", b]}. */
  public List<String> rawSegments() {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    List<String> segments = new ArrayList<>();
    if (path.isEmpty()) {
      return segments;
    }
    Collections.addAll(segments, path.split("/", -1));
    return segments;
  }

  static String decodeForm(String raw) {
    try {
      return PercentCodec.decode(raw.replace('+', ' '));
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
