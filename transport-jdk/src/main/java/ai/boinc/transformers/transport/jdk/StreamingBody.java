package ai.boinc.transformers.transport.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as a blocking {@link InputStream} fed by the JDK client's reactive body
 * publisher, one buffer list at a time (so at most a few buffers are held, never the whole body).
 *
 * <p>Why not {@code BodyHandlers.ofInputStream()}: its blocking read has no timeout and does not
 * reliably end when the reading thread is interrupted (it can swallow the interrupt and keep
 * waiting for a stalled server). Here every wait for the next bytes is a {@link
 * BlockingQueue#poll(long, TimeUnit)} bounded by the idle timeout ({@link SocketTimeoutException}
 * when it expires) and ended by an interrupt ({@link InterruptedIOException}, interrupt status
 * kept); either cancels the exchange. Messages name {@code scheme://host:port} only.
 *
 * <p>One reader thread, like every {@link InputStream}; the client's threads call the subscriber
 * methods.
 */
final class StreamingBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();
  /**
   * Buffer lists asked for ahead of the reader once it reads, so that the client keeps reading the
   * socket while the reader writes (a few of the client's 16 KiB buffers, not the body). Before
   * the first read only one list is asked for: asking ahead then lets the client see a cut
   * connection before {@code send} has returned, and fail the exchange instead of the read.
   */
  private static final int DEMAND = 4;

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final CompletableFuture<InputStream> body = CompletableFuture.completedFuture(this);
  private final Duration timeout;
  private final String where;
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private Iterator<ByteBuffer> lists = Collections.emptyIterator();
  private ByteBuffer buffer;
  private boolean eof;
  private boolean readAhead;
  private IOException failure;

  StreamingBody(Duration timeout, String where) {
    this.timeout = timeout;
    this.where = where;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (closed) {
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    if (!closed) {
      queue.offer(item);
    }
  }

  @Override
  public void onError(Throwable error) {
    queue.offer(error);
  }

  @Override
  public void onComplete() {
    queue.offer(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      throw new IOException("the response body from " + where + " is closed");
    }
    if (length == 0) {
      return 0;
    }
    ByteBuffer next = nextBuffer();
    if (next == null) {
      return -1;
    }
    int done = 0;
    // Take what has already arrived, up to length, but wait only for the first bytes.
    while (next != null) {
      int n = Math.min(length - done, next.remaining());
      next.get(target, offset + done, n);
      done += n;
      if (done == length) {
        break;
      }
      next = arrivedBuffer();
    }
    return done;
  }

  @Override
  public int available() {
    while ((buffer == null || !buffer.hasRemaining()) && lists.hasNext()) {
      buffer = lists.next();
    }
    if (buffer != null && buffer.hasRemaining()) {
      return buffer.remaining();
    }
    // Another list has arrived: an estimate of one byte (lists hold data, except at the very end).
    return !closed && !eof && queue.peek() instanceof List ? 1 : 0;
  }

  /** Cancels the exchange unless the body was read to its end; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Flow.Subscription current = subscription;
      if (current != null && !eof) {
        current.cancel();
      }
      queue.clear();
    }
  }

  /**
   * The buffer with the next bytes if they have already arrived, else null (also at the end or on
   * a failure, which the next {@link #read} reports).
   */
  @SuppressWarnings("unchecked")
  private ByteBuffer arrivedBuffer() {
    while (true) {
      if (buffer != null && buffer.hasRemaining()) {
        return buffer;
      }
      if (lists.hasNext()) {
        buffer = lists.next();
        continue;
      }
      if (eof || !(queue.peek() instanceof List)) {
        return null;
      }
      lists = ((List<ByteBuffer>) queue.poll()).iterator();
      requestNext();
    }
  }

  /** Replaces the list just taken; on the first one, also asks for the lists to read ahead. */
  private void requestNext() {
    subscription.request(readAhead ? 1 : DEMAND);
    readAhead = true;
  }

  /** The buffer with the next bytes, waiting for the network if needed; null at the end. */
  @SuppressWarnings("unchecked")
  private ByteBuffer nextBuffer() throws IOException {
    while (true) {
      if (buffer != null && buffer.hasRemaining()) {
        return buffer;
      }
      if (lists.hasNext()) {
        buffer = lists.next();
        continue;
      }
      if (eof) {
        return null;
      }
      Object item = take();
      if (item == END) {
        eof = true;
        return null;
      }
      if (item instanceof Throwable) {
        Throwable error = (Throwable) item;
        failure = new IOException("reading the response from " + where + " failed: " + reason(error), error);
        throw failure;
      }
      lists = ((List<ByteBuffer>) item).iterator();
      requestNext(); // the next lists may arrive while this one is read
    }
  }

  private Object take() throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(null);
    }
    Object item;
    try {
      item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
    if (item == null) {
      close();
      failure = new SocketTimeoutException("no response bytes from " + where + " for " + timeout.toMillis() + " ms");
      throw failure;
    }
    return item;
  }

  private InterruptedIOException interrupted(InterruptedException cause) {
    close();
    InterruptedIOException interrupted =
        new InterruptedIOException("reading the response from " + where + " was interrupted");
    if (cause != null) {
      interrupted.initCause(cause);
    }
    return interrupted;
  }

  private static String reason(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isEmpty()) {
        return t.getMessage();
      }
    }
    return error.getClass().getSimpleName();
  }
}
