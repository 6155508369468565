package ai.boinc.transformers.hub;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the hub is and where its files are cached. Immutable.
 *
 * <p>{@link #fromEnvironment()} reads the {@code BA_*} variables; a {@link Builder} overrides any
 * of them:
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>BA_ENDPOINT</td><td>the hub's URL</td><td>https://huggingface.co</td></tr>
 *   <tr><td>BA_HOME</td><td>the SDK's home folder</td><td>$XDG_CACHE_HOME/boincai or ~/.cache/boincai</td></tr>
 *   <tr><td>BA_HUB_CACHE</td><td>the download cache</td><td>$BA_HOME/hub</td></tr>
 *   <tr><td>BA_TOKEN_PATH</td><td>the token file</td><td>$BA_HOME/token</td></tr>
 *   <tr><td>BA_HUB_OFFLINE</td><td>serve from the cache only (1/true/yes/on)</td><td>false</td></tr>
 *   <tr><td>BA_HUB_ETAG_TIMEOUT</td><td>seconds to wait for file metadata</td><td>10</td></tr>
 *   <tr><td>BA_HUB_DOWNLOAD_TIMEOUT</td><td>seconds to wait for the next bytes of a download</td><td>10</td></tr>
 * </table>
 */
public final class HubSettings {
  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  private final URI endpoint;
  private final Path home;
  private final Path cacheDir;
  private final Path tokenPath;
  private final boolean offline;
  private final Duration metadataTimeout;
  private final Duration downloadTimeout;

  private HubSettings(Builder b) {
    this.endpoint = b.endpoint;
    this.home = b.home;
    this.cacheDir = b.cacheDir != null ? b.cacheDir : b.home.resolve("hub");
    this.tokenPath = b.tokenPath != null ? b.tokenPath : b.home.resolve("token");
    this.offline = b.offline;
    this.metadataTimeout = b.metadataTimeout;
    this.downloadTimeout = b.downloadTimeout;
  }

  /** Settings from the process environment. */
  public static HubSettings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Settings from {@code env}, which stands for the process environment (useful in tests). */
  public static HubSettings fromEnvironment(Map<String, String> env) {
    return builderFromEnvironment(env).build();
  }

  /** A builder preset from {@code env}, to override some settings. */
  public static Builder builderFromEnvironment(Map<String, String> env) {
    Path userHome = Paths.get(System.getProperty("user.home", "."));
    Builder b = new Builder();
    String endpoint = nonBlank(env.get("BA_ENDPOINT"));
    b.endpoint(endpoint != null ? endpoint : DEFAULT_ENDPOINT);
    String home = nonBlank(env.get("BA_HOME"));
    if (home != null) {
      b.home(expand(home, userHome));
    } else {
      String xdg = nonBlank(env.get("XDG_CACHE_HOME"));
      b.home(xdg != null ? expand(xdg, userHome).resolve("boincai") : userHome.resolve(".cache").resolve("boincai"));
    }
    String cache = nonBlank(env.get("BA_HUB_CACHE"));
    if (cache != null) {
      b.cacheDir(expand(cache, userHome));
    }
    String tokenPath = nonBlank(env.get("BA_TOKEN_PATH"));
    if (tokenPath != null) {
      b.tokenPath(expand(tokenPath, userHome));
    }
    b.offline(isTrue(env.get("BA_HUB_OFFLINE")));
    String etagTimeout = nonBlank(env.get("BA_HUB_ETAG_TIMEOUT"));
    if (etagTimeout != null) {
      b.metadataTimeout(seconds("BA_HUB_ETAG_TIMEOUT", etagTimeout));
    }
    String downloadTimeout = nonBlank(env.get("BA_HUB_DOWNLOAD_TIMEOUT"));
    if (downloadTimeout != null) {
      b.downloadTimeout(seconds("BA_HUB_DOWNLOAD_TIMEOUT", downloadTimeout));
    }
    return b;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpoint = endpoint;
    b.home = home;
    b.cacheDir = cacheDir;
    b.tokenPath = tokenPath;
    b.offline = offline;
    b.metadataTimeout = metadataTimeout;
    b.downloadTimeout = downloadTimeout;
    return b;
  }

  /** The hub's base URL, without a trailing slash. */
  public URI endpoint() {
    return endpoint;
  }

  public Path home() {
    return home;
  }

  public Path cacheDir() {
    return cacheDir;
  }

  public Path tokenPath() {
    return tokenPath;
  }

  public boolean offline() {
    return offline;
  }

  public Duration metadataTimeout() {
    return metadataTimeout;
  }

  public Duration downloadTimeout() {
    return downloadTimeout;
  }

  @Override
  public String toString() {
    return "HubSettings{endpoint="
        + endpoint
        + ", cacheDir="
        + cacheDir
        + ", tokenPath="
        + tokenPath
        + ", offline="
        + offline
        + "}";
  }

  static boolean isTrue(String value) {
    if (value == null) {
      return false;
    }
    switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "1":
      case "ON":
      case "YES":
      case "TRUE":
        return true;
      default:
        return false;
    }
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Path expand(String path, Path userHome) {
    if (path.equals("~")) {
      return userHome;
    }
    if (path.startsWith("~/")) {
      return userHome.resolve(path.substring(2));
    }
    return Paths.get(path);
  }

  private static Duration seconds(String variable, String value) {
    try {
      double seconds = Double.parseDouble(value);
      long millis = (long) (seconds * 1000);
      if (millis > 0 && seconds < 1e9) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        variable + " must be a positive number of seconds (at least 0.001), but is '" + value + "'");
  }

  /** Builds {@link HubSettings}. Not thread-safe. */
  public static final class Builder {
    private URI endpoint = URI.create(DEFAULT_ENDPOINT);
    private Path home =
        Paths.get(System.getProperty("user.home", ".")).resolve(".cache").resolve("boincai");
    private Path cacheDir;
    private Path tokenPath;
    private boolean offline;
    private Duration metadataTimeout = Duration.ofSeconds(10);
    private Duration downloadTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /** The hub's base URL, e.g. {@code https://hub.example.com}; a trailing slash is dropped. */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      try {
        return endpoint(new URI(endpoint.trim()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("BA_ENDPOINT is not a valid URL: " + e.getMessage(), e);
      }
    }

    public Builder endpoint(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || endpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "the hub endpoint must be an absolute http(s) URL such as https://huggingface.co, but is '"
                + endpoint
                + "'");
      }
      if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
        throw new IllegalArgumentException("the hub endpoint must not have a query or fragment: " + endpoint);
      }
      String text = endpoint.toString();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      this.endpoint = URI.create(text);
      return this;
    }

    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** The download cache; defaults to {@code <home>/hub}. */
    public Builder cacheDir(Path cacheDir) {
      this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
      return this;
    }

    /** The token file; defaults to {@code <home>/token}. */
    public Builder tokenPath(Path tokenPath) {
      this.tokenPath = Objects.requireNonNull(tokenPath, "tokenPath");
      return this;
    }

    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    public Builder metadataTimeout(Duration timeout) {
      this.metadataTimeout = positive(timeout, "metadataTimeout");
      return this;
    }

    public Builder downloadTimeout(Duration timeout) {
      this.downloadTimeout = positive(timeout, "downloadTimeout");
      return this;
    }

    public HubSettings build() {
      return new HubSettings(this);
    }

    private static Duration positive(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + timeout);
      }
      return timeout;
    }
  }
}
