package ai.boinc.transformers.internal.fetch;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.LogRedaction;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

/**
 * Logs every HTTP exchange at DEBUG on the logger {@value #LOGGER_NAME}: one line when the response
 * is closed (method, redacted URL, status, body bytes read, time, attempt), or when the exchange
 * fails. Headers and bodies are never logged, so neither {@code Authorization} nor {@code
 * X-Vault-Token} nor a login body can appear; URLs and error texts go through {@link LogRedaction}.
 */
public final class RequestLog {
  public static final String LOGGER_NAME = "ai.boinc.transformers.http";
  private static final System.Logger LOG = System.getLogger(LOGGER_NAME);

  private RequestLog() {}

  /**
   * Sends {@code request} through {@code fetcher}, logging it when DEBUG is on.
   *
   * @param client who sends it, e.g. {@code "hub"} or {@code "vault"}
   * @param attempt the try of this request, from 1; 0 when the caller does not count tries
   */
  public static FetchResponse exchange(FileFetcher fetcher, FetchRequest request, String client, int attempt)
      throws IOException {
    if (!LOG.isLoggable(Level.DEBUG)) {
      return fetcher.fetch(request);
    }
    String line = client + " " + request.method() + " " + LogRedaction.uri(request.uri());
    String tries = attempt > 0 ? ", attempt " + attempt : "";
    long start = System.nanoTime();
    FetchResponse response;
    try {
      response = fetcher.fetch(request);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, line + " failed after " + millisSince(start) + " ms" + tries + ": " + describe(e));
      throw e;
    }
    String answered = line + " -> " + response.status();
    return new FetchResponse(response.uri(), response.status(), response.headers(),
        new CountingBody(response.body(), start, answered, tries));
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + LogRedaction.text(e.getMessage()));
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Counts the bytes the caller reads and writes the log line once, on close. */
  private static final class CountingBody extends FilterInputStream {
    private final long start;
    private final String answered;
    private final String tries;
    private long bytes;
    private IOException failure;
    private boolean logged;

    CountingBody(InputStream in, long start, String answered, String tries) {
      super(in);
      this.start = start;
      this.answered = answered;
      this.tries = tries;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        if (b >= 0) {
          bytes++;
        }
        return b;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          bytes += n;
        }
        return n;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      bytes += Math.max(0, skipped);
      return skipped;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        log();
      }
    }

    private synchronized void log() {
      if (logged) {
        return;
      }
      logged = true;
      String cut = failure == null ? "" : ", body failed: " + describe(failure);
      LOG.log(Level.DEBUG, answered + ", " + bytes + " bytes in " + millisSince(start) + " ms" + tries + cut);
    }
  }
}
