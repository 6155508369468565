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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** Bytes read before a write: fewer system calls and hash calls than one per network buffer. */
  private static final int BUFFER_SIZE = 256 * 1024;
  /** A read into less room than this would be a small write; write what is there first. */
  private static final int MIN_READ = 16 * 1024;
  /** Files from this size on are hashed on a second thread, overlapped with the network and disk. */
  static final long PIPELINE_FROM = 8L << 20;
  /** Buffers a hashing thread may lag behind by (bounds the memory of one download). */
  private static final int PIPELINE_BUFFERS = 8;
  /** Files from this size on are written back to disk while they download, so the final fsync is short. */
  static final long FLUSH_FROM = 64L << 20;
  /** Bytes between two background flushes. */
  static final long FLUSH_STEP = 32L << 20;
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** However often a server cuts the connection, one file takes at most this many requests. */
  static final int MAX_REQUESTS = 50;
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

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
    Path temp = AtomicFiles.tempSibling(blob, ".incomplete");
    boolean done = false;
    try {
      Hasher hasher = Hasher.forEtag(metadata);
      long expected = metadata.size.isPresent() ? metadata.size.getAsLong() : -1;
      long written;
      Optional<String> actual;
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          Digester digester = expected >= pipelineFrom ? new HashThread(hasher) : new InlineDigester(hasher);
          Flusher flusher = new Flusher(out, expected >= flushFrom ? flushStep : 0)) {
        written = transfer(metadata, out, digester, flusher, expected, ctx, listener, event);
        flusher.finish();
        out.force(true);
        actual = digester.finish();
      }
      if (expected >= 0 && written != expected) {
        throw new ChecksumMismatchException(
            "The download of " + ctx.describe() + " ended after " + written + " bytes, but the hub announced "
                + expected + ". Nothing was stored; try again.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
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
      FileMetadata metadata, FileChannel out, Digester digester, Flusher flusher, long expected, FileContext ctx,
      SafeListener listener, DownloadEvent event) throws IOException {
    Backoff backoff = Backoff.of(retryPolicy);
    long written = 0;
    int failuresWithoutProgress = 0;
    IOException lastFailure = null;
    byte[] buffer = digester.buffer();
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
          digester.reset();
          written = 0;
          listener.progress(event.withBytesDone(0));
          if (r.status() != 200) {
            failuresWithoutProgress++;
            continue;
          }
        }
        InputStream body = r.body();
        int filled = 0;
        while (true) {
          int n;
          IOException failure = null;
          try {
            n = body.read(buffer, filled, buffer.length - filled);
          } catch (IOException e) {
            if (Cancellation.isCancellation(e)) {
              throw e;
            }
            failure = e;
            n = -1;
          }
          if (n > 0) {
            filled += n;
            // Bytes that already arrived join this write: fewer, larger writes, and none delayed.
            if (buffer.length - filled >= MIN_READ && available(body) > 0) {
              continue;
            }
          }
          if (filled > 0) {
            if (Thread.currentThread().isInterrupted()) {
              throw new java.io.InterruptedIOException("download interrupted");
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, filled);
            while (chunk.hasRemaining()) {
              out.write(chunk);
            }
            buffer = digester.update(buffer, filled);
            written += filled;
            filled = 0;
            failuresWithoutProgress = 0;
            flusher.written(written);
            listener.progress(event.withBytesDone(written));
            if (expected >= 0 && written > expected) {
              throw new ChecksumMismatchException(
                  "The download of " + ctx.describe() + " sent more than the " + expected + " bytes the hub"
                      + " announced. Nothing was stored; try again.",
                  ctx.repoId, ctx.filename, ctx.revision);
            }
          }
          if (failure != null) {
            lastFailure = failure;
            failuresWithoutProgress++;
            LOG.log(Level.DEBUG, "connection to {0} failed after {1} bytes of {2} ({3}); resuming",
                r.uri().getHost(), written, ctx.describe(), failure.getClass().getSimpleName());
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
        }
      }
    }
  }

  private static int available(InputStream body) {
    try {
      return body.available();
    } catch (IOException e) {
      return 0; // the next read reports the failure
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

  /**
   * Where written bytes go to be hashed. {@link #update} takes a buffer that was just written and
   * returns the buffer to read into next.
   */
  private interface Digester extends AutoCloseable {
    byte[] buffer();

    byte[] update(byte[] buffer, int n) throws IOException;

    /** Starts over from byte 0 (a server ignored the Range). */
    void reset() throws IOException;

    /** The hex digest of everything since the last reset, if the ETag names a digest. */
    Optional<String> finish() throws IOException;

    @Override
    void close();
  }

  /** Hashes on the download thread: for small files, where a thread would cost more than it saves. */
  private static final class InlineDigester implements Digester {
    private final Hasher hasher;
    private final byte[] buffer = new byte[BUFFER_SIZE];

    InlineDigester(Hasher hasher) {
      this.hasher = hasher;
    }

    @Override
    public byte[] buffer() {
      return buffer;
    }

    @Override
    public byte[] update(byte[] bytes, int n) {
      hasher.update(bytes, n);
      return bytes;
    }

    @Override
    public void reset() {
      hasher.reset();
    }

    @Override
    public Optional<String> finish() {
      return hasher.finish();
    }

    @Override
    public void close() {}
  }

  /**
   * Hashes on a second thread while the download thread goes on reading and writing: a pool of
   * {@value #PIPELINE_BUFFERS} buffers circulates between the two, so the download waits only when
   * the hash falls that far behind. Reset and end are marks in the same queue, so they apply in
   * order.
   */
  private static final class HashThread implements Digester {
    private static final byte[] RESET = new byte[0];
    private static final byte[] END = new byte[0];

    private final Hasher hasher;
    private final BlockingQueue<byte[]> work = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> lengths = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(PIPELINE_BUFFERS);
    private final CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    private final Thread thread;

    HashThread(Hasher hasher) {
      this.hasher = hasher;
      for (int i = 1; i < PIPELINE_BUFFERS; i++) {
        free.add(new byte[BUFFER_SIZE]);
      }
      thread = new Thread(this::run, "transformers-hash-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    }

    private void run() {
      try {
        while (true) {
          byte[] bytes = work.take();
          if (bytes == END) {
            result.complete(hasher.finish());
            return;
          }
          if (bytes == RESET) {
            hasher.reset();
            continue;
          }
          hasher.update(bytes, lengths.take());
          free.add(bytes);
        }
      } catch (InterruptedException e) {
        result.cancel(false); // closed before the end: nobody waits for the result
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    }

    @Override
    public byte[] buffer() {
      return new byte[BUFFER_SIZE];
    }

    @Override
    public byte[] update(byte[] bytes, int n) throws IOException {
      lengths.add(n);
      work.add(bytes);
      try {
        while (true) {
          byte[] next = free.poll(1, TimeUnit.SECONDS);
          if (next != null) {
            return next;
          }
          if (result.isDone()) {
            throw failed();
          }
        }
      } catch (InterruptedException e) {
        throw interrupted(e);
      }
    }

    @Override
    public void reset() {
      work.add(RESET);
    }

    @Override
    public Optional<String> finish() throws IOException {
      work.add(END);
      try {
        return result.get();
      } catch (InterruptedException e) {
        throw interrupted(e);
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        throw failed();
      }
    }

    private IOException failed() {
      try {
        result.getNow(null);
      } catch (java.util.concurrent.CompletionException e) {
        return new IOException("hashing the download failed: " + e.getCause(), e.getCause());
      } catch (java.util.concurrent.CancellationException e) {
        // below
      }
      return new IOException("hashing the download stopped");
    }

    private static java.io.InterruptedIOException interrupted(InterruptedException e) {
      Thread.currentThread().interrupt();
      java.io.InterruptedIOException interrupted = new java.io.InterruptedIOException("download interrupted");
      interrupted.initCause(e);
      return interrupted;
    }

    @Override
    public void close() {
      if (!result.isDone()) {
        thread.interrupt();
      }
    }
  }

  /**
   * Writes a large download back to disk while it is still arriving ({@code fdatasync} every few
   * dozen MiB on a second thread), so that the final fsync finds little left to write. Only
   * timing changes: the final {@code force(true)} still runs before the rename, and a failed
   * background flush fails the download (after a failed fsync, Linux may report the next one clean).
   * The flushing thread is never interrupted: that would close the channel.
   */
  private static final class Flusher implements AutoCloseable {
    private final FileChannel channel;
    private final long step;
    private final Thread thread;
    private volatile long requested;
    private volatile boolean stopped;
    private volatile IOException failure;
    private long signalled;

    /** Flushes every {@code step} bytes; never when {@code step} is 0. */
    Flusher(FileChannel channel, long step) {
      this.channel = channel;
      this.step = step;
      if (step > 0) {
        thread = new Thread(this::run, "transformers-flush-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
      } else {
        thread = null;
      }
    }

    private void run() {
      long synced = 0;
      while (!stopped) {
        long target = requested;
        if (target > synced) {
          try {
            channel.force(false);
          } catch (IOException e) {
            failure = e;
            return;
          }
          synced = target;
        } else {
          java.util.concurrent.locks.LockSupport.park(this);
        }
      }
    }

    /** Called after each write with the bytes written so far. */
    void written(long bytes) {
      if (thread != null && bytes - signalled >= step) {
        signalled = bytes;
        requested = bytes;
        java.util.concurrent.locks.LockSupport.unpark(thread);
      }
    }

    /** Stops flushing; throws what a background flush failed with. */
    void finish() throws IOException {
      close();
      IOException e = failure;
      if (e != null) {
        throw new IOException("writing the download to disk failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (thread == null || stopped) {
        return;
      }
      stopped = true;
      java.util.concurrent.locks.LockSupport.unpark(thread);
      boolean interrupted = false;
      while (true) {
        try {
          thread.join(); // waits for a flush in progress before the channel closes
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
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

    Optional<String> finish() {
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
