package ai.boinc.transformers.hub;

import ai.boinc.transformers.TransformersVersion;
import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetchers;
import ai.boinc.transformers.internal.hub.Downloader;
import ai.boinc.transformers.internal.hub.Snapshots;
import ai.boinc.transformers.internal.hub.WhoAmIs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of one hub: downloads files of models, datasets and spaces into the local cache,
 * authenticating with the user's access token where a repository is private or gated.
 *
 * <pre>{@code
 * Hub hub = Hub.create();   // BA_ENDPOINT, BA_HUB_CACHE, BA_ACCESS_TOKEN, ... from the environment
 * Path tokenizerJson = hub.download("meta-llama/Llama-2-7b-ba", "tokenizer.json");
 * }</pre>
 *
 * <p>The token goes only to the hub's own origin: never to the CDN a large file is redirected to,
 * never over plain http except to loopback. Files land in the cache whole or not at all.
 *
 * <p>Thread-safe; create one per endpoint and share it.
 */
public final class Hub {
  public static final String DEFAULT_REVISION = "main";

  private final HubSettings settings;
  private final FileFetcher fetcher;
  private final CredentialSource credentials;
  private final Downloader downloader;
  private final Snapshots snapshots;
  private final WhoAmIs whoAmIs;

  private Hub(Builder b) {
    this.settings = b.settings != null ? b.settings : HubSettings.fromEnvironment(b.environment);
    this.fetcher = b.fetcher != null ? b.fetcher : FileFetchers.discover(b.transport, Hub.class.getClassLoader());
    CredentialSource source =
        b.credentials != null
            ? b.credentials
            : CredentialChain.discover(b.environment, Hub.class.getClassLoader());
    if (b.token != null) {
      source = CredentialChain.of(CredentialSource.of(b.token), source);
    }
    this.credentials = source;
    String userAgent =
        "transformers-java/" + TransformersVersion.get() + "; java/" + Runtime.version().feature() + "; " + fetcher.agent();
    this.downloader =
        new Downloader(
            new Downloader.Config(
                settings, credentials, userAgent, b.allowTokenOverHttp, b.retryPolicy, b.lockTimeout, b.listener,
                b.snapshotWorkers),
            fetcher);
    this.snapshots = new Snapshots(downloader);
    this.whoAmIs = new WhoAmIs(downloader);
  }

  /** A hub configured from the environment, with the discovered transport and credential chain. */
  public static Hub create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Downloads {@code filename} of model {@code repoId} at the default revision ({@code main}). */
  public Path download(String repoId, String filename) {
    return download(repoId, filename, DownloadOptions.defaults());
  }

  /** Downloads {@code filename} of model {@code repoId} at {@code revision}. */
  public Path download(String repoId, String filename, String revision) {
    return download(RepoType.MODEL, repoId, filename, revision);
  }

  /** Downloads {@code filename} of a repository of {@code type} at {@code revision}. */
  public Path download(RepoType type, String repoId, String filename, String revision) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(revision, "revision");
    return download(repoId, filename, DownloadOptions.builder().repoType(type).revision(revision).build());
  }

  /**
   * Downloads one file into the cache and returns its path in the snapshot folder of the commit
   * the revision resolved to ({@code <cache>/models--org--name/snapshots/<commit>/<filename>}).
   *
   * <p>A file pinned by a commit hash and already cached is returned without any request. Otherwise
   * the hub is asked for the file's metadata (with {@code If-None-Match} when a copy is cached) and
   * the content is downloaded only if the cache does not have it. Concurrent calls for one file, in
   * this or other processes sharing the cache, download it once. Interrupting the calling thread
   * stops the download, leaves nothing partial and throws {@link DownloadCancelledException}.
   *
   * @throws GatedRepoException if the repository is gated and the account has no access
   * @throws MissingTokenException if authentication is needed and no token was found
   * @throws InvalidTokenException if the hub rejected the token
   * @throws RepositoryNotFoundException if the repository does not exist or is not visible
   * @throws RevisionNotFoundException if the revision does not exist
   * @throws EntryNotFoundException if the file does not exist at that revision
   * @throws RateLimitedException if the hub kept answering 429 beyond the {@link RetryPolicy}
   * @throws ChecksumMismatchException if the content did not match its announced size or hash
   * @throws HubUnreachableException if the hub cannot be reached and nothing is cached
   * @throws OfflineCacheMissException if offline mode is on and the file is not cached
   * @throws DownloadCancelledException if the calling thread was interrupted
   * @throws CacheLockTimeoutException if another download of the file held the lock too long
   * @throws CacheException if the cache cannot be written
   */
  public Path download(String repoId, String filename, DownloadOptions options) {
    Objects.requireNonNull(options, "options");
    return downloader.download(repoId, filename, options);
  }

  /**
   * Like {@link #download(RepoType, String, String, String)}, but answers empty when the file does
   * not exist at that revision: for optional files such as {@code tokenizer_config.json}.
   */
  public Optional<Path> downloadIfExists(RepoType type, String repoId, String filename, String revision) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(revision, "revision");
    return downloadIfExists(repoId, filename, DownloadOptions.builder().repoType(type).revision(revision).build());
  }

  /**
   * Like {@link #download(String, String, DownloadOptions)}, but answers empty when the file does
   * not exist at that revision. A file the hub said was missing is remembered in the cache ({@code
   * .no_exist}), and later calls for the same revision answer empty without a request.
   */
  public Optional<Path> downloadIfExists(String repoId, String filename, DownloadOptions options) {
    Objects.requireNonNull(options, "options");
    return downloader.downloadIfExists(repoId, filename, options);
  }

  /** Every file of model {@code repoId} at {@code main}; see {@link #snapshot(String, DownloadOptions, Collection, Collection)}. */
  public Path snapshot(String repoId) {
    return snapshot(repoId, DownloadOptions.defaults(), List.of(), List.of());
  }

  /**
   * The files of model {@code repoId} at {@code revision} that match {@code allowPatterns} (all
   * files when empty) and none of {@code ignorePatterns}; see {@link #snapshot(String,
   * DownloadOptions, Collection, Collection)}.
   */
  public Path snapshot(
      String repoId, String revision, Collection<String> allowPatterns, Collection<String> ignorePatterns) {
    Objects.requireNonNull(revision, "revision");
    return snapshot(repoId, DownloadOptions.builder().revision(revision).build(), allowPatterns, ignorePatterns);
  }

  /**
   * Downloads the files of a repository at a revision into the cache and returns the snapshot
   * folder {@code <cache>/<type>s--org--name/snapshots/<commit>}.
   *
   * <p>The revision is resolved to a commit through the repo-info API; the file list comes from the
   * same answer (or the tree API). Patterns are shell globs as huggingface_hub applies them:
   * case-sensitive, {@code *} also matches {@code /}, {@code ?} one character, {@code [abc]} and
   * {@code [!abc]} sets, and a pattern ending with {@code /} selects the folder's contents, e.g.
   * {@code "*.json"}, {@code "onnx/"}. An empty {@code allowPatterns} selects every file. Files are
   * downloaded in parallel by {@link Builder#snapshotWorkers} threads; the {@link
   * DownloadListener} hears about each file, from those threads. The first failure stops the
   * others and is thrown. Offline, a complete cached snapshot of the revision is returned.
   */
  public Path snapshot(
      String repoId, DownloadOptions options, Collection<String> allowPatterns, Collection<String> ignorePatterns) {
    Objects.requireNonNull(options, "options");
    List<String> allow = List.copyOf(Objects.requireNonNull(allowPatterns, "allowPatterns"));
    List<String> ignore = List.copyOf(Objects.requireNonNull(ignorePatterns, "ignorePatterns"));
    return snapshots.snapshot(repoId, options, allow, ignore);
  }

  /**
   * Asks the hub who the access token belongs to ({@code /api/whoami-v2}). The hub rate-limits
   * this endpoint strictly: call it once, e.g. at login, not per download.
   *
   * @throws MissingTokenException if no token was found
   * @throws InvalidTokenException if the hub rejected the token
   * @throws HubUnreachableException if the hub cannot be reached
   */
  public WhoAmI whoami() {
    return whoAmIs.whoami();
  }

  public HubSettings settings() {
    return settings;
  }

  /** The credential source asked for every request. */
  public CredentialSource credentials() {
    return credentials;
  }

  @Override
  public String toString() {
    return "Hub{endpoint=" + settings.endpoint() + ", cache=" + settings.cacheDir() + ", transport="
        + fetcher.agent() + ", credentials=" + credentials.describe() + "}";
  }

  /** Builds a {@link Hub}. Anything not set comes from the environment or is discovered. */
  public static final class Builder {
    /** Default of {@link #lockTimeout(Duration)}: 10 minutes. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);
    /** Default of {@link #snapshotWorkers(int)}. */
    public static final int DEFAULT_SNAPSHOT_WORKERS = 8;

    private HubSettings settings;
    private Map<String, String> environment = System.getenv();
    private FileFetcher fetcher;
    private String transport;
    private CredentialSource credentials;
    private AccessToken token;
    private boolean allowTokenOverHttp;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private DownloadListener listener = DownloadListener.NONE;
    private int snapshotWorkers = DEFAULT_SNAPSHOT_WORKERS;

    private Builder() {}

    /** How requests that failed for a passing reason are retried; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * How long a download waits for another thread or process that is downloading the same file
     * before failing with {@link CacheLockTimeoutException}; default {@link #DEFAULT_LOCK_TIMEOUT}.
     */
    public Builder lockTimeout(Duration lockTimeout) {
      Objects.requireNonNull(lockTimeout, "lockTimeout");
      if (lockTimeout.isNegative() || lockTimeout.isZero()) {
        throw new IllegalArgumentException("lockTimeout must be positive: " + lockTimeout);
      }
      this.lockTimeout = lockTimeout;
      return this;
    }

    /**
     * Hears about every file this hub downloads, unless a call names its own listener in {@link
     * DownloadOptions}. Must be thread-safe when used with snapshots.
     */
    public Builder listener(DownloadListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Files a snapshot downloads at once; default {@value #DEFAULT_SNAPSHOT_WORKERS}. */
    public Builder snapshotWorkers(int workers) {
      if (workers < 1 || workers > 256) {
        throw new IllegalArgumentException("snapshotWorkers must be between 1 and 256: " + workers);
      }
      this.snapshotWorkers = workers;
      return this;
    }

    public Builder settings(HubSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The variables that stand for the process environment when settings and credentials are
     * read from it (tests and embedded uses pass their own).
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /** The transport; by default the one found on the class path (see {@link #transport}). */
    public Builder fileFetcher(FileFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /**
     * Chooses a discovered transport by id ({@code "jdk"} or {@code "okhttp"}) when several are on
     * the class path. Without it the JDK transport is preferred.
     */
    public Builder transport(String id) {
      this.transport = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Where tokens come from; by default the chain of every source on the class path. */
    public Builder credentials(CredentialSource credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** A token given in code, asked before every other source. */
    public Builder token(AccessToken token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /**
     * Allows sending the token over plain http to hosts other than loopback. Off by default: only
     * turn it on inside a network you trust.
     */
    public Builder allowTokenOverHttp(boolean allow) {
      this.allowTokenOverHttp = allow;
      return this;
    }

    public Hub build() {
      return new Hub(this);
    }
  }
}
