package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.CorruptedCacheException;
import ai.boinc.transformers.hub.DownloadCancelledException;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubHttpException;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.InsecureEndpointException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Downloads one file of one repository at one revision into the cache (hub-protocol.md section
 * 10): a commit-pinned cached file is served with no request; otherwise metadata first (HEAD, with
 * {@code If-None-Match} when the cache has the file), then, under the blob's lock, the content from
 * wherever the hub points ({@link BlobFetch}), and finally the snapshot pointer and the ref. A
 * snapshot at a commit passes the metadata its listing gave instead, and the HEAD is skipped.
 */
public final class Downloader {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");

  /** What a {@link Downloader} needs besides the transport. */
  public static final class Config {
    final HubSettings settings;
    final CredentialSource credentials;
    final String userAgent;
    final boolean allowTokenOverHttp;
    final RetryPolicy retryPolicy;
    final Duration lockTimeout;
    final DownloadListener listener;
    final int snapshotWorkers;

    public Config(
        HubSettings settings, CredentialSource credentials, String userAgent, boolean allowTokenOverHttp,
        RetryPolicy retryPolicy, Duration lockTimeout, DownloadListener listener, int snapshotWorkers) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      this.allowTokenOverHttp = allowTokenOverHttp;
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
      this.listener = Objects.requireNonNull(listener, "listener");
      this.snapshotWorkers = snapshotWorkers;
    }
  }

  private final Config config;
  private final HubSettings settings;
  final Pipeline pipeline;

  public Downloader(Config config, FileFetcher fetcher) {
    this.config = config;
    this.settings = config.settings;
    this.pipeline =
        new Pipeline(fetcher, settings.endpoint(), config.userAgent, settings.offline(), config.allowTokenOverHttp);
  }

  Config config() {
    return config;
  }

  /** Returns the path of the file in the snapshot folder of the resolved commit. */
  public Path download(String repoId, String filename, DownloadOptions options) {
    return download(repoId, filename, options, false);
  }

  /** Like {@link #download}, but empty when the file does not exist (remembered in {@code .no_exist}). */
  public Optional<Path> downloadIfExists(String repoId, String filename, DownloadOptions options) {
    try {
      return Optional.of(download(repoId, filename, options, true));
    } catch (EntryNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Downloads a file whose metadata a listing at the commit {@code options.revision()} already gave
   * ({@code known}, or null to ask the hub): no HEAD, one GET of {@code known.location}.
   */
  Path download(String repoId, String filename, DownloadOptions options, FileMetadata known) {
    return download(repoId, filename, options, false, known);
  }

  Path download(String repoId, String filename, DownloadOptions options, boolean optional) {
    return download(repoId, filename, options, optional, null);
  }

  private Path download(
      String repoId, String filename, DownloadOptions options, boolean optional, FileMetadata known) {
    HubNames.checkRepoId(repoId);
    HubNames.checkFilename(filename);
    String revision = options.revision();
    HubNames.checkRevision(revision);
    RepoType type = options.repoType();
    SafeListener listener = new SafeListener(options.listener().orElse(config.listener));
    DownloadEvent event = new DownloadEvent(type, repoId, filename, revision, 0, -1, false);
    try {
      return resolve(repoId, filename, options, optional, known, listener, event);
    } catch (HubException e) {
      if (!(e instanceof EntryNotFoundException && optional)) {
        listener.failed(event, e);
      }
      throw e;
    }
  }

  private Path resolve(
      String repoId, String filename, DownloadOptions options, boolean optional, FileMetadata known,
      SafeListener listener, DownloadEvent event) {
    String revision = options.revision();
    RepoType type = options.repoType();
    CacheLayout cache = new CacheLayout(settings.cacheDir(), type, repoId);
    boolean force = options.forceDownload();

    boolean offline = settings.offline() || options.localFilesOnly();
    // A commit-pinned file already cached (and of the recorded size) needs no request at all.
    boolean refetch = false;
    if (!force && HubNames.isCommitHash(revision)) {
      Path pointer = cache.pointer(revision, filename);
      if (Files.exists(pointer)) {
        if (healthy(cache, pointer, offline, repoId, filename, revision)) {
          return cachedHit(pointer, listener, event);
        }
        refetch = true;
      }
    }
    Optional<String> knownCommit = readRefQuietly(cache, revision);
    if (!force && (optional || offline) && knownCommit.isPresent()
        && Files.exists(cache.noExist(knownCommit.get(), filename))) {
      throw new EntryNotFoundException(
          "File '" + filename + "' does not exist in repository '" + repoId + "' at revision '" + revision
              + "' (remembered in the cache from an earlier answer of the hub). Check the path and the revision.",
          repoId, filename, revision);
    }
    Optional<Path> cached = force ? Optional.empty() : cached(cache, filename, knownCommit);
    // A damaged cached file is neither served nor offered to the hub as current: it is fetched again.
    refetch = refetch || cached.isPresent() && !healthy(cache, cached.get(), offline, repoId, filename, revision);
    if (refetch) {
      cached = Optional.empty();
    }
    if (offline) {
      return cachedHit(
          cached.orElseThrow(() -> offlineMiss(repoId, filename, revision, options.localFilesOnly())),
          listener, event);
    }

    FileContext ctx = context(type, repoId, filename, revision);
    URI resolveUrl = HubUrls.resolve(settings.endpoint(), type, repoId, revision, filename);
    FileMetadata metadata;
    try {
      metadata = known != null && known.commit.equals(revision)
          ? known
          : fetchMetadata(resolveUrl, ctx, cache, cached, knownCommit);
    } catch (IOException e) {
      if (Cancellation.isCancellation(e)) {
        throw cancelled(ctx, e);
      }
      // The hub is unreachable: a file cached for this revision is still good.
      if (cached.isPresent()) {
        LOG.log(Level.WARNING, "hub unreachable ({0}); using the cached {1}", e.getClass().getSimpleName(),
            ctx.describe());
        return cachedHit(cached.get(), listener, event);
      }
      throw unreachable(ctx, e);
    } catch (HubHttpException e) {
      if (e.isRetryable() && cached.isPresent()) {
        LOG.log(Level.WARNING, "hub answered HTTP {0}; using the cached {1}", e.status(), ctx.describe());
        return cachedHit(cached.get(), listener, event);
      }
      throw e;
    }

    Path pointer = cache.pointer(metadata.commit, filename);
    DownloadEvent sized =
        new DownloadEvent(event.repoType(), repoId, filename, revision, 0,
            metadata.size.isPresent() ? metadata.size.getAsLong() : -1, false);
    Path blob = cache.blob(metadata.etag);
    try {
      cache.writeCacheDirTag();
      if (!force && !refetch && Files.exists(pointer) && pointsAt(pointer, metadata.etag)
          && BlobSizes.problem(cache, pointer, metadata.size).isEmpty()) {
        writeRefQuietly(cache, revision, metadata.commit);
        return cachedHit(pointer, listener, sized);
      }
      boolean downloaded = false;
      try (BlobLocks.Held lock = BlobLocks.acquire(cache.lock(metadata.etag), config.lockTimeout, ctx)) {
        // Re-check under the lock: another thread or process may have finished it meanwhile.
        if (force || !Files.exists(blob) || BlobSizes.problem(cache, blob, metadata.size).isPresent()) {
          listener.start(sized);
          new BlobFetch(pipeline, settings.downloadTimeout(), config.retryPolicy)
              .fetch(metadata, blob, ctx, listener, sized);
          downloaded = true;
        }
        AtomicFiles.link(pointer, blob);
      }
      BlobSizes.record(cache, metadata.etag, metadata.size.isPresent() ? metadata.size.getAsLong() : Files.size(blob));
      writeRefQuietly(cache, revision, metadata.commit);
      if (!downloaded) {
        return cachedHit(pointer, listener, sized);
      }
      long size = Files.size(blob);
      listener.done(sized.withBytesDone(size));
      return pointer;
    } catch (IOException e) {
      if (Cancellation.isCancellation(e)) {
        throw cancelled(ctx, e, blob, sized.totalBytes().orElse(-1));
      }
      throw new CacheException(
          "Could not write " + ctx.describe() + " into the cache at " + settings.cacheDir() + ": " + e
              + ". Check that the folder is writable and the disk has room, or choose another folder with"
              + " BA_HUB_CACHE.",
          repoId, filename, revision, e);
    } catch (HubException e) {
      if (Thread.currentThread().isInterrupted() && !(e instanceof DownloadCancelledException)) {
        throw cancelled(ctx, e, blob, sized.totalBytes().orElse(-1));
      }
      throw e;
    }
  }

  FileContext context(RepoType type, String repoId, String filename, String revision) {
    Optional<ResolvedToken> token = config.credentials.resolveWithSource();
    if (token.isPresent()) {
      Origin origin = Origin.of(settings.endpoint());
      if (!origin.isHttps() && !origin.isLoopback() && !config.allowTokenOverHttp) {
        throw new InsecureEndpointException(
            "Refusing to send the access token from " + token.get().source() + " over plain http to " + origin
                + ". Use an https endpoint, or allow it explicitly with Hub.builder().allowTokenOverHttp(true) if"
                + " this network is trusted.",
            repoId, filename, revision);
      }
    }
    return new FileContext(
        settings.endpoint(), type, repoId, filename, revision, token, NoTokenHint.lookedIn(config.credentials));
  }

  private FileMetadata fetchMetadata(
      URI resolveUrl, FileContext ctx, CacheLayout cache, Optional<Path> cached, Optional<String> knownCommit)
      throws IOException {
    Optional<String> cachedEtag = cached.flatMap(Downloader::etagOf);
    FetchRequest.Builder head =
        FetchRequest.newBuilder(resolveUrl).method("HEAD").timeout(settings.metadataTimeout());
    cachedEtag.ifPresent(etag -> head.header("If-None-Match", "\"" + etag + "\""));
    // With a cached copy to fall back on, fail fast instead of retrying (as huggingface_hub does).
    RetryPolicy policy = cached.isPresent() ? RetryPolicy.none() : config.retryPolicy;
    Call call = new Call(ctx, settings.metadataTimeout(), true, policy);
    try (FetchResponse response = pipeline.execute(head.build(), call)) {
      if (response.status() == 304 && cachedEtag.isPresent() && knownCommit.isPresent()) {
        return FileMetadata.read(response, resolveUrl)
            .orElse(FileMetadata.of(knownCommit.get(), cachedEtag.get(), OptionalLong.empty(), resolveUrl));
      }
      if (!response.isSuccessful() && !response.isRedirect()) {
        HubException error = ErrorMapper.map(response, ctx, call.tokenSent);
        if (error instanceof EntryNotFoundException) {
          rememberMissing(cache, response, ctx);
        }
        throw error;
      }
      return FileMetadata.read(response, resolveUrl)
          .orElseThrow(
              () ->
                  new HubException(
                      "The server at " + settings.endpoint() + " answered for " + ctx.describe()
                          + " without the X-Repo-Commit and ETag headers of a hub. Check BA_ENDPOINT; a proxy or"
                          + " firewall may be answering instead of the hub.",
                      ctx.repoId, ctx.filename, ctx.revision));
    }
  }

  private static Path cachedHit(Path pointer, SafeListener listener, DownloadEvent event) {
    long size;
    try {
      size = Files.size(pointer);
    } catch (IOException e) {
      size = -1;
    }
    DownloadEvent hit =
        new DownloadEvent(event.repoType(), event.repoId(), event.filename(), event.revision(), size, size, true);
    listener.start(hit.withBytesDone(0));
    listener.done(hit);
    return pointer;
  }

  /**
   * Whether a cached file has the size recorded for its blob. If not: offline that is an error
   * (never served silently); online the caller fetches it again.
   */
  private boolean healthy(
      CacheLayout cache, Path pointer, boolean offline, String repoId, String filename, String revision) {
    Optional<String> problem = BlobSizes.problem(cache, pointer, OptionalLong.empty());
    if (problem.isEmpty()) {
      return true;
    }
    if (offline) {
      throw new CorruptedCacheException(
          "The cached '" + filename + "' of '" + repoId + "' at revision '" + revision + "' (" + pointer + ") "
              + problem.get() + ", and offline mode keeps it from being downloaded again. Go online and run the"
              + " download again (or 'ba cache verify --repair'), which replaces it.",
          repoId, filename, revision, pointer);
    }
    LOG.log(Level.WARNING, "the cached {0} of {1} {2}; downloading it again", filename, repoId, problem.get());
    return false;
  }

  /** The blob a pointer links to is named after its ETag. */
  static Optional<String> etagOf(Path pointer) {
    try {
      if (!Files.isSymbolicLink(pointer)) {
        return Optional.empty();
      }
      Path target = Files.readSymbolicLink(pointer).getFileName();
      return target == null ? Optional.empty() : Optional.of(target.toString());
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** A pointer that is a copy (no symlinks) is trusted; a link must name the same blob. */
  private static boolean pointsAt(Path pointer, String etag) {
    Optional<String> linked = etagOf(pointer);
    return linked.isEmpty() || linked.get().equals(etag);
  }

  static Optional<String> readRefQuietly(CacheLayout cache, String revision) {
    try {
      return cache.readRef(revision);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> cached(CacheLayout cache, String filename, Optional<String> commit) {
    if (commit.isPresent()) {
      Path pointer = cache.pointer(commit.get(), filename);
      if (Files.exists(pointer)) {
        return Optional.of(pointer);
      }
    }
    return Optional.empty();
  }

  private OfflineCacheMissException offlineMiss(
      String repoId, String filename, String revision, boolean localFilesOnly) {
    String why = localFilesOnly ? "localFilesOnly is set" : "Offline mode is on (BA_HUB_OFFLINE)";
    return new OfflineCacheMissException(
        why + " and '" + filename + "' of '" + repoId + "' at revision '" + revision + "' is not in the cache at "
            + settings.cacheDir() + ". Download it once while online, or "
            + (localFilesOnly ? "allow network access." : "turn offline mode off."),
        repoId, filename, revision);
  }

  private void rememberMissing(CacheLayout cache, FetchResponse response, FileContext ctx) {
    Optional<String> commit = response.header("X-Repo-Commit").map(String::trim).filter(HubNames::isCommitHash);
    if (commit.isEmpty()) {
      return;
    }
    try {
      Path marker = cache.noExist(commit.get(), ctx.filename);
      Files.createDirectories(marker.getParent());
      if (!Files.exists(marker)) {
        Files.createFile(marker);
      }
      cache.writeRef(ctx.revision, commit.get());
    } catch (IOException e) {
      // Best effort: the marker only saves a later request.
    }
  }

  static void writeRefQuietly(CacheLayout cache, String revision, String commit) {
    try {
      cache.writeRef(revision, commit);
    } catch (IOException e) {
      // A read-only cache still serves files; the ref only spares a request offline.
      LOG.log(Level.DEBUG, "could not record ref {0}: {1}", revision, e.getMessage());
    }
  }

  HubUnreachableException unreachable(FileContext ctx, IOException cause) {
    return new HubUnreachableException(
        "Cannot reach the hub at " + settings.endpoint() + ": " + ctx.scrub(FailureReasons.describe(cause))
            + ". Fetching " + ctx.describe() + " failed and nothing usable is cached. Check that BA_ENDPOINT is"
            + " right and the network is up, or set BA_HUB_OFFLINE=1 to use only cached files.",
        ctx.repoId, ctx.filename, ctx.revision, cause);
  }

  static DownloadCancelledException cancelled(FileContext ctx, Exception cause) {
    Thread.currentThread().interrupt();
    return new DownloadCancelledException(
        "The download of " + ctx.describe() + " was interrupted before any content arrived; the cache lock was"
            + " released.",
        ctx.repoId, ctx.filename, ctx.revision, cause, 0, -1);
  }

  /** Interrupted during the transfer of {@code blob}: what arrived stays in its partial file. */
  static DownloadCancelledException cancelled(FileContext ctx, Exception cause, Path blob, long total) {
    Thread.currentThread().interrupt();
    long kept;
    try {
      kept = Files.size(PartialBlob.pathOf(blob));
    } catch (IOException e) {
      kept = 0;
    }
    return new DownloadCancelledException(
        "The download of " + ctx.describe() + " was interrupted; " + (kept > 0
            ? kept + (total >= 0 ? " of " + total : "") + " bytes are kept in the cache and the next download of it"
                + " resumes there"
            : "nothing arrived yet") + ". The cache lock was released.",
        ctx.repoId, ctx.filename, ctx.revision, cause, kept, total);
  }
}
