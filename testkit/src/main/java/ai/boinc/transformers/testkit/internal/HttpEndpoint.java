package ai.boinc.transformers.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JDK {@link HttpServer} on 127.0.0.1 and a random port: turns exchanges into {@link
 * HubRequest}s, records them, applies the {@link ServerHooks}, routes, and writes the {@link
 * HubResponse}, streaming the body in chunks.
 *
 * <p>Lifecycle: {@link #bind} (the port is known), {@link #start}, {@link #close}. Thread-safe.
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpEndpoint.class.getName());
  private static final int THREADS = 8;
  private static final int CHUNK = 64 * 1024;
  private static final int MAX_REQUEST_BODY = 1 << 20;

  private final String origin;
  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoint(String origin, HttpServer server, ExecutorService executor) {
    this.origin = origin;
    this.server = server;
    this.executor = executor;
  }

  /** Binds 127.0.0.1 on a free port; nothing is served before {@link #start}. */
  public static HttpEndpoint bind(String origin) {
    enableNoDelay();
    try {
      InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
      HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 50);
      AtomicInteger count = new AtomicInteger();
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              THREADS,
              THREADS,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              runnable -> {
                Thread thread = new Thread(runnable, "localhub-" + origin + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      executor.allowCoreThreadTimeOut(true);
      server.setExecutor(executor);
      return new HttpEndpoint(origin, server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1 for the " + origin + " server", e);
    }
  }

  /**
   * The JDK server writes headers and body in separate segments without TCP_NODELAY unless this
   * JDK property is set before its first use; with Nagle plus delayed ACKs every small response
   * then takes ~40 ms on loopback. The property only affects the JDK's built-in server, and a value
   * the user chose is kept.
   */
  private static void enableNoDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** {@code http://127.0.0.1:<port>}, no trailing slash. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void start(Router router, Consumer<HubRequest> recorder, ServerHooks hooks, FaultPlan faults, boolean gzip) {
    server.createContext("/", exchange -> handle(exchange, router, recorder, hooks, faults, gzip));
    server.start();
  }

  /**
   * Records, routes, lets a fault act, writes. A fault that closes the connection (cut, reset)
   * throws {@link AbortConnection} out of the handler, which makes the JDK server close the socket
   * without finishing the response (closing the exchange would complete a chunked body).
   */
  private void handle(
      HttpExchange exchange,
      Router router,
      Consumer<HubRequest> recorder,
      ServerHooks hooks,
      FaultPlan faults,
      boolean gzip) {
    boolean abort = false;
    try {
      HubRequest request = read(exchange);
      recorder.accept(request);
      hooks.beforeResponse();
      HubResponse response = Compression.apply(request, route(router, request), gzip);
      FaultRule fault = faults.take(request, response);
      CountDownLatch stallRelease = faults.stallRelease();
      FaultRule bodyFault = null;
      if (fault != null) {
        switch (fault.kind()) {
          case RESET:
            abort = true;
            return;
          case STATUS:
            response = Compression.apply(request, fault.statusResponse(), gzip);
            break;
          case DELAY:
            Thread.sleep(fault.duration().toMillis());
            break;
          case IGNORE_RANGE:
            response = Compression.apply(request, route(router, request.withoutHeader("Range")), gzip);
            break;
          default:
            bodyFault = fault;
        }
      }
      abort = write(exchange, request, response, hooks, bodyFault, stallRelease);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing: drop the exchange
      abort = true;
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e); // expected when clients stop reading
    } finally {
      if (abort) {
        throw new AbortConnection();
      }
      exchange.close();
    }
  }

  private static HubResponse route(Router router, HubRequest request) {
    try {
      return router.dispatch(request);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "LocalHub route failed for " + request.method() + " " + request.rawPath(), e);
      return HubErrors.plain(500, "Internal error in LocalHub: " + e);
    }
  }

  private HubRequest read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_REQUEST_BODY);
    }
    URI uri = exchange.getRequestURI();
    Map<String, List<String>> headers = exchange.getRequestHeaders();
    return new HubRequest(origin, exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
  }

  /** Writes the response; true if the connection must now be closed (a cut). */
  private static boolean write(
      HttpExchange exchange,
      HubRequest request,
      HubResponse response,
      ServerHooks hooks,
      FaultRule bodyFault,
      CountDownLatch stallRelease)
      throws IOException, InterruptedException {
    response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    long length = response.bodyLength();
    if (!response.hasBody(request)) {
      boolean bodiless = response.status() == 304 || response.status() == 204;
      if (!bodiless && !response.chunked()) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      }
      // -1 means "no body" to the JDK server (0 would mean chunked).
      exchange.sendResponseHeaders(response.status(), -1);
      return false;
    }
    exchange.sendResponseHeaders(response.status(), response.chunked() ? 0 : length);
    OutputStream out = exchange.getResponseBody();
    FaultRule.Kind kind = bodyFault == null ? null : bodyFault.kind();
    long limit = kind == FaultRule.Kind.CUT ? bodyFault.bytes() : length;
    long pauseAt = kind == FaultRule.Kind.STALL ? bodyFault.bytes() : -1;
    long corruptAt = kind == FaultRule.Kind.CORRUPT ? bodyFault.bytes() : -1;
    ServerHooks.Hold hold = hooks.currentHold();
    Content content = response.content();
    long offset = response.bodyOffset();
    byte[] buffer = new byte[(int) Math.min(CHUNK, limit)];
    long written = 0;
    while (written < limit) {
      if (hold != null && written == hold.after) {
        out.flush();
        hold.await();
        hold = null;
        continue;
      }
      if (written == pauseAt) {
        out.flush();
        FaultPlan.stall(bodyFault, stallRelease);
        pauseAt = -1;
        continue;
      }
      long chunk = Math.min(buffer.length, limit - written);
      if (hold != null && hold.after > written) {
        chunk = Math.min(chunk, hold.after - written);
      }
      if (pauseAt > written) {
        chunk = Math.min(chunk, pauseAt - written);
      }
      int n = (int) chunk;
      content.read(offset + written, buffer, 0, n);
      if (corruptAt >= written && corruptAt < written + n) {
        buffer[(int) (corruptAt - written)] ^= (byte) 0xff;
      }
      hooks.served(n); // counted first: a client that has the bytes sees them counted
      out.write(buffer, 0, n);
      written += n;
    }
    if (kind == FaultRule.Kind.CUT) {
      out.flush();
      return true;
    }
    out.close();
    return false;
  }

  /** Thrown out of the handler so the JDK server drops the connection mid-response. */
  private static final class AbortConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortConnection() {
      super("LocalHub fault: connection closed on purpose", null, false, false);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
