package ai.boinc.transformers.internal.hub;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/** Scheme, host and port of a URI: the unit a token is scoped to. */
public final class Origin {
  private final String scheme;
  private final String host;
  private final int port;

  private Origin(String scheme, String host, int port) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  public static Origin of(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      port = scheme.equals("https") ? 443 : 80;
    }
    return new Origin(scheme, host, port);
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  /** Loopback by name or literal address; never resolves names through DNS. */
  public boolean isLoopback() {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Origin)) {
      return false;
    }
    Origin that = (Origin) other;
    return scheme.equals(that.scheme) && host.equals(that.host) && port == that.port;
  }

  @Override
  public int hashCode() {
    return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
