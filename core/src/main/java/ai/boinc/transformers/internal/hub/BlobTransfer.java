package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * Moves the bytes of one blob from the network into its {@link PartialBlob}, from wherever the
 * partial file stops: a cut connection is resumed with a Range request, a server that answers a
 * resume with anything but the matching 206 makes the download start over, and the retry policy
 * bounds the failures in a row without progress.
 */
final class BlobTransfer {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");
  /** A read into less room than this would be a small write; write what is there first. */
  private static final int MIN_READ = 16 * 1024;
  /** However often a server cuts the connection, one file takes at most this many requests. */
  static final int MAX_REQUESTS = 50;

  private final Pipeline pipeline;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;
  private final FileMetadata metadata;
  private final FileContext ctx;
  private final SafeListener listener;
  private final DownloadEvent event;
  private final long expected;

  private Optional<String> validator;
  private int failuresWithoutProgress;
  private IOException lastFailure;

  BlobTransfer(
      Pipeline pipeline, Duration readTimeout, RetryPolicy retryPolicy, FileMetadata metadata, FileContext ctx,
      SafeListener listener, DownloadEvent event) {
    this.pipeline = pipeline;
    this.readTimeout = readTimeout;
    this.retryPolicy = retryPolicy;
    this.metadata = metadata;
    this.ctx = ctx;
    this.listener = listener;
    this.event = event;
    this.expected = metadata.size.isPresent() ? metadata.size.getAsLong() : -1;
    this.validator = ResumeRequests.initialValidator(metadata, Origin.of(ctx.endpoint));
  }

  /** Fills {@code partial} to the end of the content; returns its length. */
  long run(PartialBlob partial) throws IOException {
    Backoff backoff = Backoff.of(retryPolicy);
    listener.progress(event.withBytesDone(partial.position()));
    if (partial.position() > 0 && partial.position() == expected) {
      return expected; // an earlier run received everything but did not get to check it
    }
    for (int request = 1; ; request++) {
      if (request > MAX_REQUESTS || failuresWithoutProgress >= retryPolicy.maxAttempts()) {
        throw unreachable(partial.position());
      }
      if (failuresWithoutProgress > 0 && request > 1) {
        Duration delay = backoff.delay(failuresWithoutProgress);
        RetryLog.retrying(delay, FailureReasons.describe(lastFailure), ctx.describe(), request, MAX_REQUESTS);
        Backoff.sleep(retryPolicy, delay, "waiting to resume");
      }
      long offset = partial.position();
      Call call = new Call(ctx, readTimeout, false, retryPolicy);
      FetchResponse response;
      try {
        response = pipeline.execute(ResumeRequests.get(metadata, readTimeout, offset, validator), call);
      } catch (IOException e) {
        if (Cancellation.isCancellation(e)) {
          throw e;
        }
        if (request == 1) {
          throw unreachable(e, offset); // it already had the retry policy's attempts
        }
        lastFailure = e; // the pipeline already retried it; count it and resume
        failuresWithoutProgress++;
        continue;
      }
      try (FetchResponse r = response) {
        if (offset > 0 && r.status() == 416) {
          restart(partial, r); // the partial does not fit what the server has
          failuresWithoutProgress++;
          continue;
        }
        if (!r.isSuccessful()) {
          throw ErrorMapper.map(r, ctx, call.tokenSent);
        }
        if (offset > 0 && !ResumeRequests.resumesAt(r, offset, expected)) {
          restart(partial, r);
          if (r.status() != 200) {
            failuresWithoutProgress++;
            continue;
          }
        }
        ResumeRequests.validatorOf(r).ifPresent(v -> validator = Optional.of(v));
        if (copy(r, partial)) {
          return partial.position();
        }
      }
    }
  }

  /** The server ignored the Range (200), answered another one or none fits: start over from byte 0. */
  private void restart(PartialBlob partial, FetchResponse r) throws IOException {
    LOG.log(Level.DEBUG, "{0} answered {1} to a resume at byte {2}; restarting {3}",
        r.uri().getHost(), r.status(), partial.position(), ctx.describe());
    partial.restart();
    validator = Optional.empty();
    listener.progress(event.withBytesDone(0));
  }

  /** Copies the body; true at its regular end, false after a failure to resume from. */
  private boolean copy(FetchResponse r, PartialBlob partial) throws IOException {
    InputStream body = r.body();
    byte[] buffer = partial.buffer();
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
          throw new InterruptedIOException("download interrupted");
        }
        buffer = partial.write(buffer, filled);
        filled = 0;
        failuresWithoutProgress = 0;
        listener.progress(event.withBytesDone(partial.position()));
        if (expected >= 0 && partial.position() > expected) {
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
            r.uri().getHost(), partial.position(), ctx.describe(), FailureReasons.describe(failure));
        return false;
      }
      if (n < 0) {
        if (expected >= 0 && partial.position() < expected) {
          // A clean end before the announced size: the connection was cut; resume.
          lastFailure = new IOException(
              "the connection ended after " + partial.position() + " of " + expected + " bytes");
          failuresWithoutProgress++;
          return false;
        }
        return true;
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

  private HubUnreachableException unreachable(long received) {
    return unreachable(lastFailure, received);
  }

  private HubUnreachableException unreachable(IOException cause, long received) {
    return new HubUnreachableException(
        "The download of " + ctx.describe() + " failed (" + (cause == null ? "no answer" : ctx.scrub(
            FailureReasons.describe(cause))) + ") after " + received + (expected >= 0 ? " of " + expected : "")
            + " bytes and the retries of the retry policy. "
            + (received > 0 ? "The bytes received are kept; run the download again to resume. " : "")
            + "Check the network and try again.",
        ctx.repoId, ctx.filename, ctx.revision, cause);
  }
}
