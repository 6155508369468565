package ai.boinc.transformers.hub;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.internal.Version;
import ai.boinc.transformers.internal.fetch.FileFetchers;
import ai.boinc.transformers.internal.hub.Downloader;
import java.nio.file.Path;
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
        "transformers-java/" + Version.get() + "; java/" + Runtime.version().feature() + "; " + fetcher.agent();
    this.downloader = new Downloader(settings, fetcher, credentials, userAgent, b.allowTokenOverHttp);
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
    return download(RepoType.MODEL, repoId, filename, DEFAULT_REVISION);
  }

  /** Downloads {@code filename} of model {@code repoId} at {@code revision}. */
  public Path download(String repoId, String filename, String revision) {
    return download(RepoType.MODEL, repoId, filename, revision);
  }

  /**
   * Downloads one file into the cache and returns its path in the snapshot folder of the commit
   * the revision resolved to. A file already cached is not downloaded again.
   *
   * @throws GatedRepoException if the repository is gated and the account has no access
   * @throws MissingTokenException if authentication is needed and no token was found
   * @throws InvalidTokenException if the hub rejected the token
   * @throws RepositoryNotFoundException if the repository does not exist or is not visible
   * @throws RevisionNotFoundException if the revision does not exist
   * @throws EntryNotFoundException if the file does not exist at that revision
   * @throws HubUnreachableException if the hub cannot be reached and nothing is cached
   * @throws OfflineCacheMissException if offline mode is on and the file is not cached
   * @throws CacheException if the cache cannot be written
   */
  public Path download(RepoType type, String repoId, String filename, String revision) {
    Objects.requireNonNull(type, "type");
    return downloader.download(type, repoId, filename, revision);
  }

  /**
   * Like {@link #download(RepoType, String, String, String)}, but answers empty when the file does
   * not exist at that revision: for optional files such as {@code tokenizer_config.json}.
   */
  public Optional<Path> downloadIfExists(RepoType type, String repoId, String filename, String revision) {
    try {
      return Optional.of(download(type, repoId, filename, revision));
    } catch (EntryNotFoundException e) {
      return Optional.empty();
    }
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
    private HubSettings settings;
    private Map<String, String> environment = System.getenv();
    private FileFetcher fetcher;
    private String transport;
    private CredentialSource credentials;
    private AccessToken token;
    private boolean allowTokenOverHttp;

    private Builder() {}

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
