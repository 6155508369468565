package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one blob to {@code blobs/<etag>.<random>.incomplete}, resuming a cut connection with
 * {@code Range: bytes=<received>-} (a server that answers 200 instead of 206 restarts from 0),
 * then checks size and hash (sha256 for LFS ETags, the git blob id for 40-hex ETags), fsyncs and
 * renames into place. The temp file is deleted on every failure. Call only while holding the blob's
 * lock.
 */
final class BlobFetch {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");
  private static final int BUFFER_SIZE = 64 * 1024;
  /** However often a server cuts the connection, one file takes at most this many requests. */
  static final int MAX_REQUESTS = 50;
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

  private final Pipeline pipeline;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;

  BlobFetch(Pipeline pipeline, Duration readTimeout, RetryPolicy retryPolicy) {
    this.pipeline = pipeline;
    this.readTimeout = readTimeout;
    this.retryPolicy = retryPolicy;
  }

  void fetch(FileMetadata metadata, Path blob, FileContext ctx, SafeListener listener, DownloadEvent event)
      throws IOException {
    Files.createDirectories(blob.getParent());
    Path temp = AtomicFiles.tempSibling(blob, ".incomplete");
    boolean done = false;
    try {
      Hasher hasher = Hasher.forEtag(metadata);
      long expected = metadata.size.isPresent() ? metadata.size.getAsLong() : -1;
      long written;
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        written = transfer(metadata, out, hasher, expected, ctx, listener, event);
        out.force(true);
      }
      if (expected >= 0 && written != expected) {
        throw new ChecksumMismatchException(
            "The download of " + ctx.describe() + " ended after " + written + " bytes, but the hub announced "
                + expected + ". Nothing was stored; try again.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      Optional<String> actual = hasher.finish(written);
      if (actual.isPresent() && !actual.get().equals(metadata.etag)) {
        throw new ChecksumMismatchException(
            "The download of " + ctx.describe() + " has " + hasher.name + " " + actual.get() + " but the hub"
                + " announced " + metadata.etag + ". Nothing was stored; try again, and report it if it persists.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      AtomicFiles.move(temp, blob);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private long transfer(
      FileMetadata metadata, FileChannel out, Hasher hasher, long expected, FileContext ctx, SafeListener listener,
      DownloadEvent event) throws IOException {
    Backoff backoff = Backoff.of(retryPolicy);
    long written = 0;
    int failuresWithoutProgress = 0;
    IOException lastFailure = null;
    byte[] buffer = new byte[BUFFER_SIZE];
    for (int request = 1; ; request++) {
      if (request > MAX_REQUESTS || failuresWithoutProgress >= retryPolicy.maxAttempts()) {
        throw unreachable(ctx, lastFailure, written, expected);
      }
      if (written > 0 && failuresWithoutProgress > 0) {
        sleep(backoff.delay(failuresWithoutProgress));
      }
      FetchRequest.Builder get = FetchRequest.newBuilder(metadata.location).timeout(readTimeout);
      if (written > 0) {
        get.rangeFrom(written);
      }
      Call call = new Call(ctx, readTimeout, false, retryPolicy);
      FetchResponse response;
      try {
        response = pipeline.execute(get.build(), call);
      } catch (IOException e) {
        if (Cancellation.isCancellation(e)) {
          throw e;
        }
        if (request == 1) {
          throw unreachable(ctx, e, 0, expected); // it already had the retry policy's attempts
        }
        lastFailure = e;
        failuresWithoutProgress++;
        continue;
      }
      try (FetchResponse r = response) {
        if (!r.isSuccessful()) {
          throw ErrorMapper.map(r, ctx, call.tokenSent);
        }
        if (written > 0 && !resumesAt(r, written)) {
          // The server ignored the Range (200) or answered another one: start over.
          LOG.log(Level.DEBUG, "{0} answered {1} to a resume at byte {2}; restarting {3}",
              r.uri().getHost(), r.status(), written, ctx.describe());
          out.truncate(0);
          out.position(0);
          hasher.reset();
          written = 0;
          listener.progress(event.withBytesDone(0));
          if (r.status() != 200) {
            failuresWithoutProgress++;
            continue;
          }
        }
        InputStream body = r.body();
        while (true) {
          int n;
          try {
            n = body.read(buffer);
          } catch (IOException e) {
            if (Cancellation.isCancellation(e)) {
              throw e;
            }
            lastFailure = e;
            failuresWithoutProgress++;
            LOG.log(Level.DEBUG, "connection to {0} failed after {1} bytes of {2} ({3}); resuming",
                r.uri().getHost(), written, ctx.describe(), e.getClass().getSimpleName());
            break;
          }
          if (n < 0) {
            if (expected >= 0 && written < expected) {
              // A clean end before the announced size: the connection was cut; resume.
              lastFailure = new IOException("the connection ended after " + written + " of " + expected + " bytes");
              failuresWithoutProgress++;
              break;
            }
            return written;
          }
          if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("download interrupted");
          }
          hasher.update(buffer, n);
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          while (chunk.hasRemaining()) {
            out.write(chunk);
          }
          written += n;
          failuresWithoutProgress = 0;
          listener.progress(event.withBytesDone(written));
          if (expected >= 0 && written > expected) {
            throw new ChecksumMismatchException(
                "The download of " + ctx.describe() + " sent more than the " + expected + " bytes the hub announced."
                    + " Nothing was stored; try again.",
                ctx.repoId, ctx.filename, ctx.revision);
          }
        }
      }
    }
  }

  /** A 206 whose {@code Content-Range} starts where we stopped. */
  private static boolean resumesAt(FetchResponse response, long offset) {
    if (response.status() != 206) {
      return false;
    }
    Matcher m = CONTENT_RANGE.matcher(response.header("Content-Range").orElse(""));
    return m.find() && m.group(1).length() < 19 && Long.parseLong(m.group(1)) == offset;
  }

  private void sleep(Duration delay) throws IOException {
    try {
      retryPolicy.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      java.io.InterruptedIOException interrupted = new java.io.InterruptedIOException("interrupted before resuming");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  private static HubUnreachableException unreachable(FileContext ctx, IOException cause, long written, long expected) {
    return new HubUnreachableException(
        "The download of " + ctx.describe() + " failed (" + (cause == null ? "no answer" : ctx.scrub(
            String.valueOf(cause.getMessage()))) + ") after " + written + (expected >= 0 ? " of " + expected : "")
            + " bytes and the retries of the retry policy; nothing was stored. Check the network and try again.",
        ctx.repoId, ctx.filename, ctx.revision, cause);
  }

  /** The digest an ETag names, if it names one. */
  private static final class Hasher {
    final String name;
    private final MessageDigest digest;
    private final OptionalLong gitSize;

    private Hasher(String name, MessageDigest digest, OptionalLong gitSize) {
      this.name = name;
      this.digest = digest;
      this.gitSize = gitSize;
      reset();
    }

    static Hasher forEtag(FileMetadata metadata) {
      if (metadata.isSha256()) {
        return new Hasher("SHA-256", digest("SHA-256"), OptionalLong.empty());
      }
      if (metadata.isGitSha1() && metadata.size.isPresent()) {
        return new Hasher("git blob id", digest("SHA-1"), metadata.size);
      }
      return new Hasher("none", null, OptionalLong.empty());
    }

    void reset() {
      if (digest == null) {
        return;
      }
      digest.reset();
      if (gitSize.isPresent()) {
        digest.update(("blob " + gitSize.getAsLong() + "\0").getBytes(StandardCharsets.US_ASCII));
      }
    }

    void update(byte[] bytes, int n) {
      if (digest != null) {
        digest.update(bytes, 0, n);
      }
    }

    Optional<String> finish(long written) {
      if (digest == null) {
        return Optional.empty();
      }
      return Optional.of(hex(digest.digest()));
    }

    private static MessageDigest digest(String algorithm) {
      try {
        return MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has " + algorithm, e);
      }
    }

    private static String hex(byte[] bytes) {
      StringBuilder out = new StringBuilder(bytes.length * 2);
      for (byte b : bytes) {
        out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return out.toString();
    }
  }
}
