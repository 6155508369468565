package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.FaultRule;
import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour that {@link LocalHub} shows to matching requests, for tests of retries, resume,
 * timeouts and checksum checks.
 *
 * <pre>{@code
 * hub.addFault(Fault.status(503).forPath("/acme/m/resolve/").times(2));  // two 503s, then normal
 * hub.addFault(Fault.status(429).retryAfterSeconds(1));                   // Retry-After + RateLimit
 * hub.addFault(Fault.delay(Duration.ofMillis(200)).onCdn());
 * hub.addFault(Fault.cutAfterBytes(1000).onCdn().method("GET"));         // headers + 1000 bytes, then close
 * hub.addFault(Fault.corruptByteAt(10));
 * hub.addFault(Fault.stall().afterBytes(100));
 * hub.addFault(Fault.ignoreRange());
 * hub.addFault(Fault.resetConnection());
 * }</pre>
 *
 * <p><b>Matching.</b> A fault matches requests on both origins, any method and any path unless
 * narrowed with {@link #onHub()}/{@link #onCdn()}, {@link #method(String)} and {@link
 * #forPath(String)} (a prefix of the raw, undecoded path). Faults are checked in the order they
 * were added; the first that matches <em>and can act</em> on the exchange is used once, the others
 * are left alone. A fault acts on a request {@link #times(int)} times (default 1) and is then spent.
 * Body faults ({@link #cutAfterBytes}, {@link #corruptByteAt}, {@link #stall}) can act only on a
 * response with more body bytes than their offset (never on HEAD or on a redirect), and {@link
 * #ignoreRange()} only on a request with a {@code Range} header, so a fault is never spent where
 * it could not show.
 *
 * <p>Every request is recorded before any fault acts. Immutable: each method returns a changed
 * copy. Thread-safe.
 */
public final class Fault {
  private final FaultRule rule;

  private Fault(FaultRule rule) {
    this.rule = rule;
  }

  static Fault of(FaultRule rule) {
    return new Fault(rule);
  }

  FaultRule rule() {
    return rule;
  }

  /**
   * Answers with {@code status} instead of the real response: for 4xx/5xx the hub's error shape
   * ({@code X-Error-Message} and a JSON {@code {"error": ...}} body); for 429 also {@code
   * RateLimit: "api";r=0;t=<n>} and {@code RateLimit-Policy}.
   */
  public static Fault status(int status) {
    return new Fault(FaultRule.status(status));
  }

  /** Waits {@code delay} before answering normally (after the request was recorded). */
  public static Fault delay(Duration delay) {
    return new Fault(FaultRule.of(FaultRule.Kind.DELAY).withDuration(delay));
  }

  /**
   * Sends the status line, the headers (with the full {@code Content-Length}) and the first {@code
   * bytes} body bytes, then closes the connection.
   */
  public static Fault cutAfterBytes(long bytes) {
    return new Fault(FaultRule.of(FaultRule.Kind.CUT).withBytes(bytes));
  }

  /** Sends the body with the bits of the byte at {@code offset} (in the body as sent) flipped. */
  public static Fault corruptByteAt(long offset) {
    return new Fault(FaultRule.of(FaultRule.Kind.CORRUPT).withBytes(offset));
  }

  /**
   * Sends the headers and {@link #afterBytes(long)} body bytes (default 0), then stops sending
   * while holding the connection open, for at most 30 seconds or until {@link LocalHub#clearFaults()}
   * or {@link LocalHub#close()}; then the rest of the body follows.
   */
  public static Fault stall() {
    return new Fault(FaultRule.of(FaultRule.Kind.STALL).withDuration(FaultRule.DEFAULT_STALL));
  }

  /** Like {@link #stall()}, but the pause lasts at most {@code max}. */
  public static Fault stall(Duration max) {
    return new Fault(FaultRule.of(FaultRule.Kind.STALL).withDuration(max));
  }

  /** Answers a request that asked for a {@code Range} with 200 and the whole body. */
  public static Fault ignoreRange() {
    return new Fault(FaultRule.of(FaultRule.Kind.IGNORE_RANGE));
  }

  /** Closes the connection without sending any response. */
  public static Fault resetConnection() {
    return new Fault(FaultRule.of(FaultRule.Kind.RESET));
  }

  /** For {@link #stall()}: how many body bytes are sent before the stall. */
  public Fault afterBytes(long bytes) {
    if (rule.kind() != FaultRule.Kind.STALL) {
      throw new IllegalStateException("afterBytes applies to stall faults only; use cutAfterBytes or corruptByteAt");
    }
    return new Fault(rule.withBytes(bytes));
  }

  /** For {@link #status(int)}: adds {@code Retry-After: <seconds>} (and sets the RateLimit reset of a 429). */
  public Fault retryAfterSeconds(int seconds) {
    return new Fault(rule.withRetryAfterSeconds(seconds));
  }

  /** For {@link #status(int)}: adds a response header; repeat for several values of one name. */
  public Fault header(String name, String value) {
    return new Fault(rule.withHeader(name, value));
  }

  /** Only requests whose raw path starts with {@code prefix}, e.g. {@code "/acme/m/resolve/"}. */
  public Fault forPath(String prefix) {
    return new Fault(rule.withPathPrefix(prefix));
  }

  /** Only requests to the hub ({@link LocalHub#endpoint()}). */
  public Fault onHub() {
    return new Fault(rule.withOrigin(RecordedRequest.HUB));
  }

  /** Only requests to the CDN ({@link LocalHub#cdnEndpoint()}). */
  public Fault onCdn() {
    return new Fault(rule.withOrigin(RecordedRequest.CDN));
  }

  /** Only requests with this method, e.g. {@code "GET"}. */
  public Fault method(String method) {
    return new Fault(rule.withMethod(Objects.requireNonNull(method, "method")));
  }

  /** Acts on {@code n} matching requests (default 1), then is spent. */
  public Fault times(int n) {
    return new Fault(rule.withTimes(n));
  }

  /** How many more requests this fault acts on (for {@link LocalHub#pendingFaults()}: uses left). */
  public int remainingTimes() {
    return rule.times();
  }

  /** E.g. {@code Fault{status 503 on hub GET /acme/m/resolve/* x2}}. */
  @Override
  public String toString() {
    return rule.toString();
  }
}
