package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.vault.internal.Redactor;
import ai.boinc.transformers.credentials.vault.internal.SecretReader;
import ai.boinc.transformers.credentials.vault.internal.VaultEndpoint;
import ai.boinc.transformers.credentials.vault.internal.VaultSession;
import ai.boinc.transformers.credentials.vault.internal.VaultTarget;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetchers;
import ai.boinc.transformers.fetch.LoggingFileFetcher;
import ai.boinc.transformers.hub.RetryPolicy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads the hub access token from a HashiCorp Vault KV secret, over Vault's HTTP API through the
 * SDK's {@link FileFetcher} port.
 *
 * <ul>
 *   <li><b>Secret</b>: KV version 2 ({@code GET /v1/<mount>/data/<path>[?version=N]}, field in
 *       {@code data.data}) or version 1 ({@code GET /v1/<mount>/<path>}, field in {@code data});
 *       the field is {@code token} unless set.
 *   <li><b>Authentication</b>: see {@link VaultAuth}. Requests carry {@code X-Vault-Token}, {@code
 *       X-Vault-Request: true} and, with Vault Enterprise, {@code X-Vault-Namespace}.
 *   <li><b>Caching</b>: the token is kept until the secret's lease runs out ({@code
 *       lease_duration}; for KV v1 also its {@code ttl} field) or {@link Builder#maxAge(Duration)}
 *       passes, whichever comes first. The Vault token is renewed ({@code renew-self}) once two
 *       thirds of its TTL have passed while it is renewable, and obtained again by login when it
 *       is not renewable or has expired. When Vault refuses the secret with 403 and a new Vault
 *       token can be obtained (login or token file), the source logs in again once and retries.
 *   <li><b>Errors</b>: {@link #resolve()} throws a {@link VaultException} subclass — {@link
 *       VaultPermissionDeniedException}, {@link VaultSecretNotFoundException}, {@link
 *       VaultUnavailableException}, {@link VaultLoginException}, {@link VaultResponseException} —
 *       whose message names the Vault address, namespace, mount, path and field and says what to
 *       do. No message, log record or {@code toString()} contains a secret.
 * </ul>
 *
 * <p>Thread-safe: concurrent {@code resolve()} calls share one cached token, and when it must be
 * fetched again one caller fetches while the others wait for its result.
 *
 * <pre>{@code
 * CredentialSource vault = VaultCredentialSource.builder()
 *     .fileFetcher(JdkFileFetcher.create())
 *     .address("https://vault.example.com:8200")
 *     .mount("secret").path("ml/boincai").field("token")
 *     .auth(VaultAuth.kubernetes("hub-reader"))
 *     .build();
 * }</pre>
 */
public final class VaultCredentialSource implements CredentialSource {
  private static final Logger LOGGER = System.getLogger("ai.boinc.transformers.credentials.vault");
  private static final Set<String> WARNED_PLAIN_HTTP = ConcurrentHashMap.newKeySet();
  /** Vault's own client: VAULT_MAX_RETRIES=2, waits between 1 and 1.5 s. */
  static final RetryPolicy DEFAULT_RETRIES = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1500))
      .maxDelay(Duration.ofMillis(1500)).jitter(1.0 / 3).maxTotalTime(Duration.ofSeconds(10)).build();

  private final String description;
  private final Duration maxAge;
  private final Clock clock;
  private final VaultSession session;
  private final SecretReader reader;
  private final ReentrantLock refresh = new ReentrantLock();
  private volatile Cached cached;

  private static final class Cached {
    final AccessToken token;
    final Instant until;

    Cached(AccessToken token, Instant until) {
      this.token = token;
      this.until = until;
    }
  }

  private VaultCredentialSource(Builder builder) {
    this.maxAge = builder.maxAge;
    this.clock = builder.clock;
    VaultTarget target = new VaultTarget(builder.mount, builder.path, builder.field, builder.kvVersion,
        builder.secretVersion);
    this.description = "HashiCorp Vault " + builder.address
        + (builder.namespace.isEmpty() ? "" : " namespace '" + builder.namespace + "'")
        + ", " + target.describe() + ", " + builder.auth.describe();
    // Every Vault request is logged at DEBUG, without the X-Vault-Token header, bodies or secrets.
    VaultEndpoint endpoint = new VaultEndpoint(LoggingFileFetcher.wrap(builder.fetcher, "vault"), builder.address,
        builder.namespace, builder.timeout, new Redactor(), description, builder.retryPolicy);
    this.session = new VaultSession(builder.auth.method(), endpoint);
    this.reader = new SecretReader(endpoint, target);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The hub token from Vault: cached, or read now.
   *
   * @throws VaultException when Vault cannot deliver it (never empty: this source is configured)
   */
  @Override
  public Optional<AccessToken> resolve() {
    Cached current = cached;
    if (current != null && clock.instant().isBefore(current.until)) {
      return Optional.of(current.token);
    }
    refresh.lock();
    try {
      current = cached;
      Instant now = clock.instant();
      if (current != null && now.isBefore(current.until)) {
        return Optional.of(current.token);
      }
      SecretReader.Secret secret = read(now);
      Duration keep = secret.ttl.isZero() || secret.ttl.compareTo(maxAge) > 0 ? maxAge : secret.ttl;
      cached = new Cached(secret.token, now.plus(keep));
      LOGGER.log(Level.DEBUG, () -> "Read the hub token from " + description + "; cached for "
          + keep.getSeconds() + " s");
      return Optional.of(secret.token);
    } finally {
      refresh.unlock();
    }
  }

  /** Reads the secret first; only then, if needed, looks the Vault token up to learn its TTL. */
  private SecretReader.Secret read(Instant now) {
    SecretReader.Secret secret = readOnce(now);
    session.learnLifetime(now);
    return secret;
  }

  private SecretReader.Secret readOnce(Instant now) {
    String vaultToken = session.token(now);
    try {
      return reader.read(vaultToken);
    } catch (VaultPermissionDeniedException denied) {
      if (!session.canObtainAgain()) {
        throw denied;
      }
      LOGGER.log(Level.DEBUG, () -> "Vault refused the cached Vault token (HTTP 403); obtaining a new one by "
          + session.describe() + " and retrying once");
      session.invalidate();
      return reader.read(session.token(now));
    }
  }

  /** Forgets the cached hub token, so that the next {@link #resolve()} reads Vault again. */
  public void invalidate() {
    cached = null;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return "VaultCredentialSource[" + description + "]";
  }

  static String trimSlashes(String value) {
    String s = value.strip();
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Configures a {@link VaultCredentialSource}. Required: {@link #fileFetcher}, {@link #address},
   * {@link #path} and {@link #auth}. Not thread-safe.
   */
  public static final class Builder {
    private FileFetcher fetcher;
    private String address;
    private String namespace = "";
    private String mount = "secret";
    private String path;
    private String field = "token";
    private int kvVersion = 2;
    private int secretVersion;
    private VaultAuth auth;
    private Duration maxAge = Duration.ofMinutes(5);
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = DEFAULT_RETRIES;

    private Builder() {}

    /**
     * How requests to Vault are retried on 412, 429 (after its {@code Retry-After} when sent), 5xx
     * but 501 and when no answer arrives. The default is Vault's own client's: 2 retries
     * (VAULT_MAX_RETRIES) waiting about 1 to 1.5 s, at most 10 s in all; {@link RetryPolicy#none()}
     * turns retries off.
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** The transport that carries the requests to Vault; by default the one on the class path. */
    public Builder fileFetcher(FileFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /** Vault's address, e.g. {@code https://vault.example.com:8200} (what {@code VAULT_ADDR} holds). */
    public Builder address(URI address) {
      Objects.requireNonNull(address, "address");
      String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || address.getHost() == null) {
        throw new IllegalArgumentException("the Vault address must be an http(s) URL such as"
            + " https://vault.example.com:8200, not '" + address + "'");
      }
      if (address.getRawQuery() != null || address.getRawFragment() != null || address.getRawUserInfo() != null) {
        throw new IllegalArgumentException("the Vault address must have no user info, query or fragment");
      }
      String text = address.toString();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      this.address = text;
      return this;
    }

    public Builder address(String address) {
      Objects.requireNonNull(address, "address");
      URI uri;
      try {
        uri = URI.create(address.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the Vault address must be an http(s) URL such as"
            + " https://vault.example.com:8200, not '" + address + "'");
      }
      return address(uri);
    }

    /** The Vault Enterprise namespace, e.g. {@code team/ml}; empty (the default) for none. */
    public Builder namespace(String namespace) {
      this.namespace = trimSlashes(Objects.requireNonNull(namespace, "namespace"));
      return this;
    }

    /** The KV engine's mount path; {@code secret} by default. */
    public Builder mount(String mount) {
      this.mount = requirePath(mount, "mount");
      return this;
    }

    /** The secret's path inside the mount, e.g. {@code ml/boincai}. */
    public Builder path(String path) {
      this.path = requirePath(path, "path");
      return this;
    }

    /** The field of the secret that holds the hub token; {@code token} by default. */
    public Builder field(String field) {
      Objects.requireNonNull(field, "field");
      if (field.isBlank()) {
        throw new IllegalArgumentException("field is blank");
      }
      this.field = field.strip();
      return this;
    }

    /** 1 or 2 (the default). */
    public Builder kvVersion(int kvVersion) {
      if (kvVersion != 1 && kvVersion != 2) {
        throw new IllegalArgumentException("the KV version must be 1 or 2, not " + kvVersion);
      }
      this.kvVersion = kvVersion;
      return this;
    }

    /** KV v2 only: read this version instead of the latest. */
    public Builder secretVersion(int version) {
      if (version < 1) {
        throw new IllegalArgumentException("a secret version is 1 or more, not " + version);
      }
      this.secretVersion = version;
      return this;
    }

    public Builder auth(VaultAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * The longest time a hub token is kept before Vault is asked again, even when its lease is
     * longer or absent (KV v2 secrets have none); 5 minutes by default.
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = requirePositive(maxAge, "maxAge");
      return this;
    }

    /** How long to wait for each Vault answer; 30 seconds by default. */
    public Builder timeout(Duration timeout) {
      this.timeout = requirePositive(timeout, "timeout");
      return this;
    }

    /** The clock for leases and TTLs; tests pass one they control. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalStateException if a required setting is missing or they contradict */
    public VaultCredentialSource build() {
      if (fetcher == null) {
        // The transport found on the class path, as the Hub does.
        fetcher = FileFetchers.discover(null, VaultCredentialSource.class.getClassLoader());
      }
      if (address == null) {
        throw new IllegalStateException("address is not set (e.g. https://vault.example.com:8200)");
      }
      if (path == null) {
        throw new IllegalStateException("path is not set: the secret's path inside the mount");
      }
      if (auth == null) {
        throw new IllegalStateException("auth is not set (VaultAuth.token, appRole or kubernetes)");
      }
      if (secretVersion > 0 && kvVersion != 2) {
        throw new IllegalStateException("secretVersion needs KV version 2; KV version 1 has no versions");
      }
      warnAboutPlainHttp(address);
      return new VaultCredentialSource(this);
    }

    private static void warnAboutPlainHttp(String address) {
      URI uri = URI.create(address);
      String host = uri.getHost();
      boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
      if (uri.getScheme().equalsIgnoreCase("http") && !loopback && WARNED_PLAIN_HTTP.add(address)) {
        LOGGER.log(Level.WARNING, "The Vault address {0} uses plain http: Vault tokens and the hub token"
            + " cross the network unencrypted. Use https.", address);
      }
    }

    private static String requirePath(String value, String name) {
      Objects.requireNonNull(value, name);
      String trimmed = trimSlashes(value);
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException(name + " is empty");
      }
      for (String segment : trimmed.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          throw new IllegalArgumentException(name + " has an empty, '.' or '..' segment: '" + value + "'");
        }
      }
      return trimmed;
    }

    private static Duration requirePositive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
