package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.InsecureEndpointException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.RepoType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Downloads one file of one repository at one revision into the cache, following
 * hub-protocol.md: metadata first (HEAD), then the content from wherever the hub points, written
 * to a temp file next to the blob, checked, fsynced and renamed into place.
 */
public final class Downloader {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");
  private static final int BUFFER_SIZE = 64 * 1024;

  private final HubSettings settings;
  private final CredentialSource credentials;
  private final Exchange exchange;
  private final boolean allowTokenOverHttp;

  public Downloader(
      HubSettings settings,
      FileFetcher fetcher,
      CredentialSource credentials,
      String userAgent,
      boolean allowTokenOverHttp) {
    this.settings = settings;
    this.credentials = credentials;
    this.exchange = new Exchange(fetcher, settings.endpoint(), userAgent);
    this.allowTokenOverHttp = allowTokenOverHttp;
  }

  /** Returns the path of the file in the snapshot folder of the resolved commit. */
  public Path download(RepoType type, String repoId, String filename, String revision) {
    HubNames.checkRepoId(repoId);
    HubNames.checkFilename(filename);
    HubNames.checkRevision(revision);
    CacheLayout cache = new CacheLayout(settings.cacheDir(), type, repoId);

    // A commit-pinned file already cached needs no request at all.
    if (HubNames.isCommitHash(revision)) {
      Path pointer = cache.pointer(revision, filename);
      if (Files.exists(pointer)) {
        return pointer;
      }
    }
    if (settings.offline()) {
      return cached(cache, filename, revision)
          .orElseThrow(
              () ->
                  new OfflineCacheMissException(
                      "Offline mode is on (BA_HUB_OFFLINE) and '" + filename + "' of '" + repoId
                          + "' at revision '" + revision + "' is not in the cache at "
                          + settings.cacheDir() + ". Download it once while online, or turn"
                          + " offline mode off.",
                      repoId, filename, revision));
    }

    FileContext ctx = context(type, repoId, filename, revision);
    URI resolveUrl = HubUrls.resolve(settings.endpoint(), type, repoId, revision, filename);
    FileMetadata metadata;
    try {
      metadata = fetchMetadata(resolveUrl, ctx, cache);
    } catch (IOException e) {
      // The hub is unreachable: a file cached for this revision is still good.
      Optional<Path> cached = cached(cache, filename, revision);
      if (cached.isPresent()) {
        LOG.log(Level.WARNING, "hub unreachable ({0}); using the cached {1}", e.getMessage(), ctx.describe());
        return cached.get();
      }
      throw unreachable(ctx, e);
    }

    Path pointer = cache.pointer(metadata.commit, filename);
    try {
      cache.writeCacheDirTag();
      if (!Files.exists(pointer)) {
        Path blob = cache.blob(metadata.etag);
        if (!Files.exists(blob)) {
          fetchBlob(metadata, blob, ctx);
        }
        AtomicFiles.link(pointer, blob);
      }
      writeRefQuietly(cache, revision, metadata.commit);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new HubException(
          "The download of " + ctx.describe() + " was interrupted; nothing was stored.",
          repoId, filename, revision, e);
    } catch (IOException e) {
      throw new CacheException(
          "Could not write " + ctx.describe() + " into the cache at " + settings.cacheDir() + ": "
              + e + ". Check that the folder is writable and the disk has room, or choose another"
              + " folder with BA_HUB_CACHE.",
          repoId, filename, revision, e);
    }
    return pointer;
  }

  private FileContext context(RepoType type, String repoId, String filename, String revision) {
    Optional<ResolvedToken> token = credentials.resolveWithSource();
    if (token.isPresent()) {
      Origin origin = Origin.of(settings.endpoint());
      if (!origin.isHttps() && !origin.isLoopback() && !allowTokenOverHttp) {
        throw new InsecureEndpointException(
            "Refusing to send the access token from " + token.get().source() + " over plain http to "
                + origin + ". Use an https endpoint, or allow it explicitly with"
                + " Hub.builder().allowTokenOverHttp(true) if this network is trusted.",
            repoId, filename, revision);
      }
    }
    return new FileContext(
        settings.endpoint(), type, repoId, filename, revision, token, credentials.describe());
  }

  private FileMetadata fetchMetadata(URI resolveUrl, FileContext ctx, CacheLayout cache) throws IOException {
    Exchange.Result result =
        exchange.send("HEAD", resolveUrl, ctx.token, settings.metadataTimeout(), 0, true, ctx);
    try (FetchResponse response = result.response) {
      if (!response.isSuccessful() && !response.isRedirect()) {
        HubException error = ErrorMapper.map(response, ctx, result.tokenSent);
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
                          + " without the X-Repo-Commit and ETag headers of a hub. Check BA_ENDPOINT;"
                          + " a proxy or firewall may be answering instead of the hub.",
                      ctx.repoId, ctx.filename, ctx.revision));
    }
  }

  private void fetchBlob(FileMetadata metadata, Path blob, FileContext ctx) throws IOException {
    Files.createDirectories(blob.getParent());
    Path temp = AtomicFiles.tempSibling(blob, ".incomplete");
    boolean done = false;
    try {
      Exchange.Result result;
      try {
        result = exchange.send("GET", metadata.location, ctx.token, settings.downloadTimeout(), 0, false, ctx);
      } catch (IOException e) {
        throw unreachable(ctx, e);
      }
      try (FetchResponse response = result.response) {
        if (!response.isSuccessful()) {
          throw ErrorMapper.map(response, ctx, result.tokenSent);
        }
        MessageDigest sha256 = metadata.isSha256() ? sha256() : null;
        long written;
        try {
          written = copy(response.body(), temp, sha256);
        } catch (ReadFailure e) {
          throw unreachable(ctx, (IOException) e.getCause());
        }
        if (metadata.size.isPresent() && written != metadata.size.getAsLong()) {
          throw new ChecksumMismatchException(
              "The download of " + ctx.describe() + " ended after " + written + " bytes, but the"
                  + " hub announced " + metadata.size.getAsLong() + ". Nothing was stored; try again.",
              ctx.repoId, ctx.filename, ctx.revision);
        }
        if (sha256 != null) {
          String actual = hex(sha256.digest());
          if (!actual.equals(metadata.etag)) {
            throw new ChecksumMismatchException(
                "The download of " + ctx.describe() + " has SHA-256 " + actual + " but the hub"
                    + " announced " + metadata.etag + ". Nothing was stored; try again, and report"
                    + " it if it persists.",
                ctx.repoId, ctx.filename, ctx.revision);
          }
        }
      }
      AtomicFiles.move(temp, blob);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static long copy(InputStream in, Path target, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long total = 0;
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (InterruptedIOException e) {
          throw e;
        } catch (IOException e) {
          throw new ReadFailure(e);
        }
        if (n == -1) {
          break;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException("download interrupted");
        }
        if (digest != null) {
          digest.update(buffer, 0, n);
        }
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        total += n;
      }
      out.force(true);
    }
    return total;
  }

  private Optional<Path> cached(CacheLayout cache, String filename, String revision) {
    try {
      Optional<String> commit = cache.readRef(revision);
      if (commit.isPresent()) {
        Path pointer = cache.pointer(commit.get(), filename);
        if (Files.exists(pointer)) {
          return Optional.of(pointer);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
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

  private static void writeRefQuietly(CacheLayout cache, String revision, String commit) {
    try {
      cache.writeRef(revision, commit);
    } catch (IOException e) {
      // A read-only cache still serves files; the ref only spares a request offline.
      LOG.log(Level.DEBUG, "could not record ref {0}: {1}", revision, e.getMessage());
    }
  }

  private HubUnreachableException unreachable(FileContext ctx, IOException cause) {
    return new HubUnreachableException(
        "Could not reach the hub at " + settings.endpoint() + " to fetch " + ctx.describe() + " ("
            + ctx.scrub(String.valueOf(cause.getMessage())) + ") and the file is not cached. Check"
            + " the network and BA_ENDPOINT, or set BA_HUB_OFFLINE=1 to use only cached files.",
        ctx.repoId, ctx.filename, ctx.revision, cause);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  /** Marks a failure to read from the network, as opposed to writing the cache. */
  private static final class ReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ReadFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
