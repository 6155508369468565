package ai.boinc.transformers.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@code Fault} does and to which requests: the immutable value behind the public {@code
 * Fault}. Each {@code with...} method returns a changed copy.
 */
public final class FaultRule {
  /** What happens to a matching request. */
  public enum Kind {
    /** Answer with a status (and headers) instead of the real response. */
    STATUS,
    /** Wait, then answer normally. */
    DELAY,
    /** Send the headers and the first {@link #bytes()} body bytes, then close the connection. */
    CUT,
    /** Flip the bits of the body byte at offset {@link #bytes()}. */
    CORRUPT,
    /** Send {@link #bytes()} body bytes, then stop sending for {@link #duration()}, then go on. */
    STALL,
    /** Answer as if the request had no {@code Range} header. */
    IGNORE_RANGE,
    /** Close the connection without any response. */
    RESET
  }

  /** The longest a stall holds a connection unless given another bound. */
  public static final Duration DEFAULT_STALL = Duration.ofSeconds(30);

  private final Kind kind;
  private final int status;
  private final Duration duration;
  private final long bytes;
  private final Integer retryAfterSeconds;
  private final List<String[]> headers;
  private final String pathPrefix;
  private final String origin;
  private final String method;
  private final int times;

  private FaultRule(
      Kind kind,
      int status,
      Duration duration,
      long bytes,
      Integer retryAfterSeconds,
      List<String[]> headers,
      String pathPrefix,
      String origin,
      String method,
      int times) {
    this.kind = kind;
    this.status = status;
    this.duration = duration;
    this.bytes = bytes;
    this.retryAfterSeconds = retryAfterSeconds;
    this.headers = headers;
    this.pathPrefix = pathPrefix;
    this.origin = origin;
    this.method = method;
    this.times = times;
  }

  public static FaultRule of(Kind kind) {
    return new FaultRule(kind, 0, Duration.ZERO, 0, null, List.of(), null, null, null, 1);
  }

  public static FaultRule status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    return new FaultRule(Kind.STATUS, status, Duration.ZERO, 0, null, List.of(), null, null, null, 1);
  }

  public FaultRule withDuration(Duration value) {
    Objects.requireNonNull(value, "duration");
    if (value.isNegative()) {
      throw new IllegalArgumentException("duration < 0: " + value);
    }
    return new FaultRule(kind, status, value, bytes, retryAfterSeconds, headers, pathPrefix, origin, method, times);
  }

  public FaultRule withBytes(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("byte count or offset < 0: " + value);
    }
    return new FaultRule(kind, status, duration, value, retryAfterSeconds, headers, pathPrefix, origin, method, times);
  }

  public FaultRule withRetryAfterSeconds(int seconds) {
    requireKind(Kind.STATUS, "retryAfterSeconds");
    if (seconds < 0) {
      throw new IllegalArgumentException("Retry-After < 0: " + seconds);
    }
    return new FaultRule(kind, status, duration, bytes, seconds, headers, pathPrefix, origin, method, times);
  }

  public FaultRule withHeader(String name, String value) {
    requireKind(Kind.STATUS, "header");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    List<String[]> more = new ArrayList<>(headers);
    more.add(new String[] {name, value});
    return new FaultRule(kind, status, duration, bytes, retryAfterSeconds, List.copyOf(more), pathPrefix, origin, method, times);
  }

  public FaultRule withPathPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.startsWith("/")) {
      throw new IllegalArgumentException("a raw path prefix starts with '/': " + prefix);
    }
    return new FaultRule(kind, status, duration, bytes, retryAfterSeconds, headers, prefix, origin, method, times);
  }

  /** @param value {@code "hub"}, {@code "cdn"}, or null for both */
  public FaultRule withOrigin(String value) {
    return new FaultRule(kind, status, duration, bytes, retryAfterSeconds, headers, pathPrefix, value, method, times);
  }

  public FaultRule withMethod(String value) {
    Objects.requireNonNull(value, "method");
    return new FaultRule(
        kind, status, duration, bytes, retryAfterSeconds, headers, pathPrefix, origin, value.toUpperCase(Locale.ROOT), times);
  }

  public FaultRule withTimes(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("times must be >= 1: " + value);
    }
    return new FaultRule(kind, status, duration, bytes, retryAfterSeconds, headers, pathPrefix, origin, method, value);
  }

  private void requireKind(Kind expected, String what) {
    if (kind != expected) {
      throw new IllegalStateException(what + " applies to status faults only, not to " + kind.name().toLowerCase(Locale.ROOT));
    }
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public Duration duration() {
    return duration;
  }

  /** CUT: bytes sent; CORRUPT: offset; STALL: bytes sent before the stall. */
  public long bytes() {
    return bytes;
  }

  public int times() {
    return times;
  }

  /** Whether origin, method and raw path match (not whether the fault can act on the response). */
  boolean matches(HubRequest request) {
    return (origin == null || origin.equals(request.origin()))
        && (method == null || method.equals(request.method()))
        && (pathPrefix == null || request.rawPath().startsWith(pathPrefix));
  }

  /** Whether this fault can take effect on this exchange; a fault is spent only when it does. */
  boolean appliesTo(HubRequest request, HubResponse response) {
    switch (kind) {
      case IGNORE_RANGE:
        return request.header("Range").isPresent();
      case CUT:
      case CORRUPT:
      case STALL:
        return response.hasBody(request) && response.bodyLength() > bytes;
      default:
        return true;
    }
  }

  /** The response of a STATUS fault: the hub's error shape, plus rate-limit headers on 429. */
  HubResponse statusResponse() {
    HubResponse response;
    if (status == 429) {
      String message = "You have exceeded our hourly quotas for action 'resolve'. We invite you to retry later.";
      response = HubErrors.error(429, null, message);
      int reset = retryAfterSeconds == null ? 1 : retryAfterSeconds;
      response.header("RateLimit", "\"api\";r=0;t=" + reset);
      response.header("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300");
    } else if (status >= 400) {
      response = HubErrors.error(status, null, "Injected fault: HTTP " + status);
    } else {
      response = HubResponse.status(status);
    }
    if (retryAfterSeconds != null) {
      response.header("Retry-After", Integer.toString(retryAfterSeconds));
    }
    for (String[] header : headers) {
      response.header(header[0], header[1]);
    }
    return response;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Fault{");
    switch (kind) {
      case STATUS:
        out.append("status ").append(status);
        if (retryAfterSeconds != null) {
          out.append(" Retry-After ").append(retryAfterSeconds);
        }
        for (String[] header : headers) {
          out.append(" +").append(header[0]);
        }
        break;
      case DELAY:
        out.append("delay ").append(duration.toMillis()).append(" ms");
        break;
      case CUT:
        out.append("cut after ").append(bytes).append(" bytes");
        break;
      case CORRUPT:
        out.append("corrupt byte ").append(bytes);
        break;
      case STALL:
        out.append("stall after ").append(bytes).append(" bytes for up to ").append(duration.toMillis()).append(" ms");
        break;
      case IGNORE_RANGE:
        out.append("ignore Range");
        break;
      default:
        out.append("reset connection");
    }
    out.append(" on ").append(origin == null ? "hub+cdn" : origin);
    out.append(' ').append(method == null ? "*" : method);
    out.append(' ').append(pathPrefix == null ? "/" : pathPrefix).append('*');
    out.append(" x").append(times).append('}');
    return out.toString();
  }
}
