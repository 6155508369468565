package ai.boinc.transformers.fetch;

import ai.boinc.transformers.internal.fetch.RequestLog;
import java.io.IOException;
import java.util.Objects;

/**
 * A {@link FileFetcher} that logs each exchange at DEBUG on the {@link System.Logger} named
 * {@code ai.boinc.transformers.http}, with secrets left out: the method, the URL with every query
 * value that could be a signature or token replaced by {@code ***}, the status, the body bytes read,
 * the time until the response was closed, and the failure if there was one. Headers and bodies are
 * never logged. The hub engine logs its own requests this way; a credential back-end or any other
 * code that sends requests through a transport wraps it the same way:
 *
 * <pre>{@code
 * FileFetcher logged = LoggingFileFetcher.wrap(JdkFileFetcher.create(), "my-secrets");
 * }</pre>
 *
 * <p>When DEBUG is off for that logger, a request costs one level check. Thread-safe when the
 * delegate is.
 */
public final class LoggingFileFetcher implements FileFetcher {
  private final FileFetcher delegate;
  private final String client;

  private LoggingFileFetcher(FileFetcher delegate, String client) {
    this.delegate = delegate;
    this.client = client;
  }

  /**
   * {@code delegate}, logging each request under {@code client} (a short word such as {@code
   * "vault"} that starts each line).
   */
  public static FileFetcher wrap(FileFetcher delegate, String client) {
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(client, "client");
    if (delegate instanceof LoggingFileFetcher && ((LoggingFileFetcher) delegate).client.equals(client)) {
      return delegate;
    }
    return new LoggingFileFetcher(delegate, client);
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws IOException {
    return RequestLog.exchange(delegate, request, client, 0);
  }

  @Override
  public String agent() {
    return delegate.agent();
  }

  @Override
  public String toString() {
    return "LoggingFileFetcher{" + client + ", " + delegate + "}";
  }
}
