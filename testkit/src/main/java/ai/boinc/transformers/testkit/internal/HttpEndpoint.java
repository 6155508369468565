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

  public void start(Router router, Consumer<HubRequest> recorder, ServerHooks hooks) {
    server.createContext("/", exchange -> handle(exchange, router, recorder, hooks));
    server.start();
  }

  private void handle(HttpExchange exchange, Router router, Consumer<HubRequest> recorder, ServerHooks hooks) {
    try {
      HubRequest request = read(exchange);
      recorder.accept(request);
      hooks.beforeResponse();
      HubResponse response;
      try {
        response = router.dispatch(request);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "LocalHub route failed for " + request.method() + " " + request.rawPath(), e);
        response = HubErrors.plain(500, "Internal error in LocalHub: " + e);
      }
      write(exchange, request, response, hooks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing: drop the exchange
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e); // expected when clients stop reading
    } finally {
      exchange.close();
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

  private static void write(HttpExchange exchange, HubRequest request, HubResponse response, ServerHooks hooks)
      throws IOException, InterruptedException {
    response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    int length = response.bodyLength();
    boolean noBody = request.isHead() || response.status() == 304 || response.status() == 204;
    if (noBody) {
      if (response.status() != 304 && response.status() != 204) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(length));
      }
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    // -1 means "no body" to the JDK server (0 would mean chunked).
    exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
    if (length == 0) {
      return;
    }
    OutputStream out = exchange.getResponseBody();
    ServerHooks.Hold hold = hooks.currentHold();
    long written = 0;
    while (written < length) {
      int chunk = (int) Math.min(CHUNK, length - written);
      if (hold != null && written + chunk > hold.after) {
        if (written < hold.after) {
          chunk = (int) (hold.after - written);
        } else {
          out.flush();
          hold.await();
          hold = null;
          continue;
        }
      }
      out.write(response.bodyArray(), response.bodyOffset() + (int) written, chunk);
      written += chunk;
    }
    out.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
