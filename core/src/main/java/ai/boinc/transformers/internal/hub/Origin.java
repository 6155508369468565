package ai.boinc.transformers.internal.hub;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Scheme, host and port of a URI: the unit a token is scoped to. */
public final class Origin {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

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

  /**
   * Loopback by name or literal address. Only strict IP literals are parsed; no other name is
   * ever resolved, so a DNS answer cannot turn a remote host into "loopback".
   */
  public boolean isLoopback() {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (IPV4.matcher(literal).matches()) {
      for (String part : literal.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return literal.startsWith("127.");
    }
    if (literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches()) {
      try {
        // A literal with ':' is parsed, never looked up.
        return InetAddress.getByName(literal).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
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
