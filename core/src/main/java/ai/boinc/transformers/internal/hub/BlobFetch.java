package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads one blob into its {@link PartialBlob} ({@code blobs/<etag>.incomplete}), resuming what
 * an earlier run left there, then checks it and renames it into place. Call only while holding the
 * blob's lock.
 *
 * <p>The check before the rename: the file at the partial path is still the one this download
 * wrote, its size on disk is the announced size, and its hash (the re-read prefix plus the
 * received bytes) is the ETag's (sha256 for LFS ETags, the git blob id for 40-hex ETags). Where
 * file locks silently do not work (NFS, Lustre, GPFS: huggingface_hub#4306) a second writer may
 * have used the same partial file; such a mix fails this check, and a download that resumed
 * someone else's bytes or saw such a mix is then fetched once more from scratch.
 *
 * <p>An interrupt or a network failure keeps the partial file for the next run; a checksum
 * mismatch or an error answer deletes it.
 */
final class BlobFetch {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");
  /** Files from this size on are hashed on a second thread, overlapped with the network and disk. */
  static final long PIPELINE_FROM = 8L << 20;
  /** Files from this size on are written back to disk while they download, so the final fsync is short. */
  static final long FLUSH_FROM = 64L << 20;
  /** Bytes between two background flushes. */
  static final long FLUSH_STEP = 32L << 20;

  private final Pipeline pipeline;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;

  private final long pipelineFrom;
  private final long flushFrom;
  private final long flushStep;

  BlobFetch(Pipeline pipeline, Duration readTimeout, RetryPolicy retryPolicy) {
    this(pipeline, readTimeout, retryPolicy, PIPELINE_FROM, FLUSH_FROM, FLUSH_STEP);
  }

  /** With other sizes from which to hash on a second thread and flush in the background (tests). */
  BlobFetch(
      Pipeline pipeline, Duration readTimeout, RetryPolicy retryPolicy, long pipelineFrom, long flushFrom,
      long flushStep) {
    this.pipeline = pipeline;
    this.readTimeout = readTimeout;
    this.retryPolicy = retryPolicy;
    this.pipelineFrom = pipelineFrom;
    this.flushFrom = flushFrom;
    this.flushStep = flushStep;
  }

  void fetch(FileMetadata metadata, Path blob, FileContext ctx, SafeListener listener, DownloadEvent event)
      throws IOException {
    Files.createDirectories(blob.getParent());
    PartialFiles.removeForeign(blob);
    long expected = metadata.size.isPresent() ? metadata.size.getAsLong() : -1;
    for (int round = 1; ; round++) {
      Hasher hasher = Hasher.forEtag(metadata);
      Optional<String> problem;
      boolean doubtful;
      Path partialPath = PartialBlob.pathOf(blob);
      try (PartialBlob partial = PartialBlob.open(
          blob, Digester.of(hasher, expected, pipelineFrom), expected, expected >= flushFrom ? flushStep : 0)) {
        long length;
        Optional<String> digest;
        try {
          length = new BlobTransfer(pipeline, readTimeout, retryPolicy, metadata, ctx, listener, event).run(partial);
          digest = partial.finish();
        } catch (HubException | IOException e) {
          // Kept for a resume: what arrived before an interrupt or a network failure. Deleted: an
          // empty file, or bytes the hub refused or sent wrong.
          boolean resumable = e instanceof IOException || e instanceof HubUnreachableException;
          if (!resumable || partial.position() == 0) {
            partial.close();
            Files.deleteIfExists(partialPath);
          }
          throw e;
        }
        problem = check(partial, length, expected, digest, metadata, hasher, ctx);
        doubtful = partial.resumedFrom() > 0 || !partial.isStillAtPath() || partial.sizeOnDisk() != length;
        if (problem.isEmpty()) {
          AtomicFiles.move(partialPath, blob);
          return;
        }
      }
      Files.deleteIfExists(partialPath);
      if (round == 1 && doubtful) {
        LOG.log(Level.WARNING, "{0}; the partial file may hold another writer''s bytes: fetching {1} again",
            problem.get(), ctx.describe());
        listener.progress(event.withBytesDone(0));
        continue;
      }
      throw new ChecksumMismatchException(
          "The download of " + ctx.describe() + " " + problem.get() + ". Nothing was stored; try again, and"
              + " report it if it persists.",
          ctx.repoId, ctx.filename, ctx.revision);
    }
  }

  /** What is wrong with the finished partial file, if anything. */
  private static Optional<String> check(
      PartialBlob partial, long length, long expected, Optional<String> digest, FileMetadata metadata,
      Hasher hasher, FileContext ctx) throws IOException {
    if (!partial.isStillAtPath()) {
      return Optional.of("was replaced on disk by another download of the same file while it ran");
    }
    long onDisk = partial.sizeOnDisk();
    if (expected >= 0 && (length != expected || onDisk != expected)) {
      return Optional.of(
          "ended with " + onDisk + " bytes on disk (" + length + " received or resumed), but the hub announced "
              + expected);
    }
    if (digest.isPresent() && !digest.get().equals(metadata.etag)) {
      return Optional.of("has " + hasher.name + " " + digest.get() + " but the hub announced " + metadata.etag);
    }
    return Optional.empty();
  }
}
