package ai.boinc.transformers.fetch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HTTP header fields with case-insensitive names, sorted by name. Immutable.
 *
 * <p>{@link #toString()} redacts the values of credential-bearing headers ({@code Authorization},
 * {@code X-Vault-Token}, {@code Cookie} and similar), so a logged request leaks no secret.
 */
public final class FetchHeaders {
  private static final Set<String> SENSITIVE =
      Set.of("authorization", "proxy-authorization", "x-vault-token", "cookie", "set-cookie");

  private static final FetchHeaders EMPTY = new FetchHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final Map<String, List<String>> fields;

  private FetchHeaders(TreeMap<String, List<String>> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  public static FetchHeaders empty() {
    return EMPTY;
  }

  /** Headers from a map of names to values, e.g. what an HTTP client library returns. */
  public static FetchHeaders of(Map<String, ? extends List<String>> map) {
    Builder builder = new Builder();
    map.forEach(
        (name, values) -> {
          if (name != null) {
            values.forEach(value -> builder.add(name, value));
          }
        });
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code EncodeOptions.toBuilder()}. */
  public Builder toBuilder() {
    return newBuilder();
  }

  public Builder newBuilder() {
    Builder builder = new Builder();
    fields.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
    return builder;
  }

  /** The first value of {@code name}, if present. */
  public Optional<String> first(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of {@code name}, possibly empty. */
  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }

  public boolean contains(String name) {
    return fields.containsKey(name);
  }

  /** Header names as first added (case as given). */
  public Set<String> names() {
    return fields.keySet();
  }

  /** The fields as an unmodifiable, case-insensitive map. */
  public Map<String, List<String>> asMap() {
    return fields;
  }

  /** Whether a header of this name carries credentials and must never be logged. */
  public static boolean isSensitive(String name) {
    return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FetchHeaders && fields.equals(((FetchHeaders) other).fields);
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      hash += field.getKey().toLowerCase(Locale.ROOT).hashCode() ^ field.getValue().hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (name, values) -> {
          if (out.length() > 1) {
            out.append(", ");
          }
          out.append(name).append('=').append(isSensitive(name) ? "[redacted]" : values);
        });
    return out.append('}').toString();
  }

  /** Collects header fields. Not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Builder() {}

    /** Adds a value, keeping earlier values of the same name. */
    public Builder add(String name, String value) {
      checkField(name, value);
      fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      checkField(name, value);
      List<String> values = new ArrayList<>();
      values.add(value);
      fields.remove(name);
      fields.put(name, values);
      return this;
    }

    public Builder remove(String name) {
      fields.remove(name);
      return this;
    }

    public FetchHeaders build() {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      return new FetchHeaders(copy);
    }

    private static void checkField(String name, String value) {
      if (name == null) {
        throw new NullPointerException("name == null");
      }
      if (value == null) {
        throw new NullPointerException("value == null for header " + name);
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException("header name is empty");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c <= ' ' || c >= 0x7f || c == ':') {
          throw new IllegalArgumentException("invalid character in header name " + name);
        }
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < ' ' && c != '\t') || c == 0x7f) {
          // The value itself is not quoted: it may be a secret.
          throw new IllegalArgumentException("invalid control character in the value of header " + name);
        }
      }
    }
  }
}
