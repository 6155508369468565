package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.DownloadCancelledException;
import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubHttpException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.RepoType;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code snapshot_download}: resolve the revision's commit (repo info {@code sha}), list its files
 * (siblings, or the tree API when the answer has none), keep those the patterns select, download
 * them with a bounded pool at that commit, and return {@code snapshots/<commit>}. The listing
 * ({@code blobs=true}) gives each file's ETag and size, so a file costs one GET instead of HEAD and
 * GET; its bytes are still checked against that ETag. The file list is
 * kept in {@code .file_lists/<commit>} so that offline calls can tell a complete snapshot from a
 * partial one.
 */
public final class Snapshots {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Downloader downloader;
  private final RepoApi api;

  public Snapshots(Downloader downloader) {
    this.downloader = downloader;
    Downloader.Config config = downloader.config();
    this.api = new RepoApi(downloader.pipeline, config.settings.metadataTimeout(), config.retryPolicy);
  }

  public Path snapshot(
      String repoId, DownloadOptions options, Collection<String> allowPatterns, Collection<String> ignorePatterns) {
    HubNames.checkRepoId(repoId);
    String revision = options.revision();
    HubNames.checkRevision(revision);
    RepoType type = options.repoType();
    Downloader.Config config = downloader.config();
    CacheLayout cache = new CacheLayout(config.settings.cacheDir(), type, repoId);
    Fnmatch filter = new Fnmatch(allowPatterns, ignorePatterns);
    boolean offline = config.settings.offline() || options.localFilesOnly();
    if (offline) {
      return cachedSnapshot(cache, repoId, revision, filter)
          .orElseThrow(() -> offlineMiss(repoId, revision, options.localFilesOnly(), null));
    }
    FileContext ctx = downloader.context(type, repoId, null, revision);
    String commit;
    List<String> files;
    Map<String, RepoApi.Blob> blobs;
    try {
      RepoApi.RepoInfo info = api.info(ctx);
      commit = info.sha;
      if (info.files != null && !info.files.isEmpty()) {
        files = info.files;
        blobs = info.blobs;
      } else {
        RepoApi.Listing tree = api.tree(ctx, commit);
        files = tree.files;
        blobs = tree.blobs;
      }
    } catch (IOException e) {
      if (Cancellation.isCancellation(e)) {
        throw Downloader.cancelled(ctx, e);
      }
      return fallback(cache, repoId, revision, filter, downloader.unreachable(ctx, e));
    } catch (HubHttpException e) {
      if (e.isRetryable()) {
        return fallback(cache, repoId, revision, filter, e);
      }
      throw e;
    }
    for (String file : files) {
      try {
        HubNames.checkFilename(file);
      } catch (IllegalArgumentException e) {
        throw new HubException(
            "The hub listed a file path that cannot be stored safely in " + ctx.describe() + ": " + e.getMessage()
                + ". Check BA_ENDPOINT; this is not what a hub sends.",
            repoId, null, revision);
      }
    }
    Downloader.writeRefQuietly(cache, revision, commit);
    writeFileList(cache, commit, files);
    List<String> selected = files.stream().filter(filter::accepts).sorted().collect(Collectors.toList());
    try {
      Files.createDirectories(cache.snapshot(commit));
    } catch (IOException e) {
      throw new CacheException(
          "Could not create the snapshot folder " + cache.snapshot(commit) + ": " + e + ". Check that the cache is"
              + " writable, or choose another folder with BA_HUB_CACHE.",
          repoId, null, revision, e);
    }
    downloadAll(repoId, options.toBuilder().revision(commit).build(), selected, blobs, config.snapshotWorkers, ctx);
    return cache.snapshot(commit);
  }

  /**
   * Downloads {@code files} at the commit. A file whose blob the listing described needs no metadata
   * request: at a commit, the listing's ETag and size are what a HEAD would answer, and the content
   * is still checked against them.
   */
  private void downloadAll(
      String repoId, DownloadOptions atCommit, List<String> files, Map<String, RepoApi.Blob> blobs, int workers,
      FileContext ctx) {
    if (files.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(workers, files.size()));
    int pool = POOLS.incrementAndGet();
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "transformers-snapshot-" + pool + "-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
    List<Future<Path>> futures = new ArrayList<>();
    try {
      for (String file : files) {
        RepoApi.Blob blob = blobs.get(file);
        FileMetadata known =
            blob == null ? null : FileMetadata.of(atCommit.revision(), blob.etag, OptionalLong.of(blob.size),
                HubUrls.resolve(ctx.endpoint, ctx.type, repoId, atCommit.revision(), file));
        futures.add(executor.submit(() -> downloader.download(repoId, file, atCommit, known)));
      }
      executor.shutdown();
      HubException first = null;
      for (Future<Path> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (first == null) {
            first = cause instanceof HubException ? (HubException) cause : new HubException(
                "Downloading the snapshot of '" + repoId + "' failed: " + cause, repoId, null, atCommit.revision(),
                cause);
            // Stop the others: one missing file fails the snapshot anyway.
            futures.forEach(f -> f.cancel(true));
          } else if (cause != first && !(cause instanceof DownloadCancelledException)) {
            first.addSuppressed(cause);
          }
        } catch (java.util.concurrent.CancellationException e) {
          // cancelled after the first failure
        }
      }
      if (first != null) {
        throw first;
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new DownloadCancelledException(
          "The snapshot download of '" + repoId + "' was interrupted; the files that had started keep what"
              + " arrived in the cache, and the next download resumes them.",
          repoId, null, atCommit.revision(), e);
    } finally {
      executor.shutdownNow();
      try {
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.log(Level.WARNING, "snapshot download threads of {0} did not stop within 30 s", repoId);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Path fallback(CacheLayout cache, String repoId, String revision, Fnmatch filter, HubException cause) {
    Optional<Path> cached = cachedSnapshot(cache, repoId, revision, filter);
    if (cached.isPresent()) {
      LOG.log(Level.WARNING, "hub unavailable ({0}); using the cached snapshot of {1} at {2}",
          cause.getClass().getSimpleName(), repoId, revision);
      return cached.get();
    }
    throw cause;
  }

  /** The snapshot of the commit {@code refs/<revision>} names, if every selected file is there. */
  private Optional<Path> cachedSnapshot(CacheLayout cache, String repoId, String revision, Fnmatch filter) {
    Optional<String> commit = Downloader.readRefQuietly(cache, revision);
    if (commit.isEmpty() || !Files.isDirectory(cache.snapshot(commit.get()))) {
      return Optional.empty();
    }
    Optional<List<String>> listed = readFileList(cache, commit.get());
    if (listed.isPresent()) {
      for (String file : listed.get()) {
        if (filter.accepts(file) && !Files.exists(cache.pointer(commit.get(), file))) {
          LOG.log(Level.DEBUG, "cached snapshot of {0} at {1} lacks {2}", repoId, revision, file);
          return Optional.empty();
        }
      }
    }
    return Optional.of(cache.snapshot(commit.get()));
  }

  private OfflineCacheMissException offlineMiss(String repoId, String revision, boolean localFilesOnly, Throwable cause) {
    String why = localFilesOnly ? "localFilesOnly is set" : "Offline mode is on (BA_HUB_OFFLINE)";
    return new OfflineCacheMissException(
        why + " and no complete snapshot of '" + repoId + "' at revision '" + revision + "' is in the cache at "
            + downloader.config().settings.cacheDir() + ". Download it once while online, or "
            + (localFilesOnly ? "allow network access." : "turn offline mode off."),
        repoId, null, revision, cause);
  }

  static Path fileList(CacheLayout cache, String commit) {
    return cache.repoDir().resolve(".file_lists").resolve(commit);
  }

  private static void writeFileList(CacheLayout cache, String commit, List<String> files) {
    Path list = fileList(cache, commit);
    if (Files.exists(list)) {
      return;
    }
    try {
      AtomicFiles.write(list, String.join("\n", files).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not record the file list of {0}: {1}", commit, e.getMessage());
    }
  }

  private static Optional<List<String>> readFileList(CacheLayout cache, String commit) {
    try {
      String text = new String(Files.readAllBytes(fileList(cache, commit)), StandardCharsets.UTF_8);
      List<String> files = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          files.add(line);
        }
      }
      return Optional.of(files);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
