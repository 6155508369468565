package ai.boinc.transformers.hub;

import java.util.Locale;

/** The kinds of repository a hub hosts; each has its own URL prefix and cache folder prefix. */
public enum RepoType {
  MODEL("models", ""),
  DATASET("datasets", "datasets/"),
  SPACE("spaces", "spaces/");

  private final String plural;
  private final String urlPrefix;

  RepoType(String plural, String urlPrefix) {
    this.plural = plural;
    this.urlPrefix = urlPrefix;
  }

  /** {@code models}, {@code datasets} or {@code spaces}: the API path segment and cache prefix. */
  public String plural() {
    return plural;
  }

  /** What stands before the repo id in a resolve URL: empty for models. */
  public String urlPrefix() {
    return urlPrefix;
  }

  /** Parses {@code model}, {@code dataset} or {@code space} (any case, plural accepted). */
  public static RepoType parse(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (RepoType type : values()) {
      if (lower.equals(type.plural) || lower.equals(type.plural.substring(0, type.plural.length() - 1))) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown repo type '" + name + "'; expected model, dataset or space");
  }
}
