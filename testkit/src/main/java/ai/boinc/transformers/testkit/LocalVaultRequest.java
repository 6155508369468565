package ai.boinc.transformers.testkit;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request {@link LocalVault} received: method, raw path with query, headers and body.
 * {@link #toString()} redacts {@code X-Vault-Token} and {@code Authorization} and omits the body
 * (login bodies carry secret ids and JWTs). Immutable.
 */
public final class LocalVaultRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String body;

  public LocalVaultRequest(String method, String path, Map<String, List<String>> headers, String body) {
    this.method = method;
    this.path = path;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
  }

  public String method() {
    return method;
  }

  /** The raw path and query, e.g. {@code /v1/secret/data/hub?version=2}. */
  public String path() {
    return path;
  }

  /** Headers by case-insensitive name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The request body as text, empty when there was none. */
  public String body() {
    return body;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(method).append(' ').append(path).append(" {");
    boolean first = true;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      String name = header.getKey().toLowerCase(Locale.ROOT);
      boolean secret = name.equals("x-vault-token") || name.equals("authorization");
      out.append(header.getKey()).append('=').append(secret ? "[redacted]" : header.getValue());
    }
    out.append('}');
    if (!body.isEmpty()) {
      out.append(" [body: ").append(body.length()).append(" chars]");
    }
    return out.toString();
  }
}
