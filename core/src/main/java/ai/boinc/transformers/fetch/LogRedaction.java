package ai.boinc.transformers.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes URLs and error texts safe to log. A query value is kept only for parameters known to be
 * harmless: every other value (signatures such as {@code X-Amz-Signature}, {@code Signature},
 * {@code sig}, policies, tokens) becomes {@code ***}, so a new signing scheme is covered without
 * knowing its name. User info and fragments are dropped.
 */
public final class LogRedaction {
  static final String MASK = "***";
  private static final int MAX_TEXT = 300;
  /** Query parameters of the hub and Vault APIs whose values say nothing secret. */
  private static final Set<String> HARMLESS = Set.of(
      "download", "blobs", "expand", "recursive", "limit", "revision", "version", "list", "full");
  private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"<>]+");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[^\\s,;]+");
  private static final Pattern ASSIGNED = Pattern.compile(
      "(?i)\\b(token|secret_id|secret-id|jwt|password|signature)(\\s*[:=]\\s*\"?)[^\\s,;&\"]+");
  private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  /** Hub access tokens and Vault service/batch/recovery tokens. */
  private static final Pattern TOKEN = Pattern.compile("\\b(ba|hf|hvs|hvb|hvr)[_.][A-Za-z0-9_.-]{6,}");

  private LogRedaction() {}

  /** {@code scheme://host:port/path?name=value&secret=***}. */
  public static String uri(URI uri) {
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      out.append(uri.getHost());
      if (uri.getPort() >= 0) {
        out.append(':').append(uri.getPort());
      }
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      out.append('?');
      String[] pairs = query.split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        if (i > 0) {
          out.append('&');
        }
        out.append(pair(pairs[i]));
      }
    }
    return out.toString();
  }

  private static String pair(String pair) {
    int eq = pair.indexOf('=');
    if (eq < 0) {
      return pair.length() > 40 ? MASK : pair; // a bare long value could be a token of its own
    }
    String name = pair.substring(0, eq);
    return HARMLESS.contains(name.toLowerCase(Locale.ROOT)) ? pair : name + "=" + MASK;
  }

  /**
   * {@code text} (an exception's message, a server's error string) with URLs redacted as {@link
   * #uri}, bearer values, JWTs and token-shaped words masked, control characters blanked, cut to a
   * few hundred characters.
   */
  public static String text(String text) {
    if (text == null) {
      return "";
    }
    String out = replace(URL, text, m -> {
      try {
        return uri(URI.create(m.group()));
      } catch (IllegalArgumentException e) {
        return m.group().replaceAll("[?#].*", "?" + MASK);
      }
    });
    out = replace(BEARER, out, m -> m.group(1) + m.group(2) + MASK);
    out = replace(ASSIGNED, out, m -> m.group(1) + m.group(2) + MASK);
    out = JWT.matcher(out).replaceAll(MASK);
    out = TOKEN.matcher(out).replaceAll(MASK);
    return printable(out);
  }

  /**
   * {@code text} on one line (control characters blanked) and cut to a few hundred characters:
   * text from elsewhere (a server's error string) can be long or hold line breaks.
   */
  public static String printable(String text) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT + 3));
    for (int i = 0; i < text.length() && clean.length() < MAX_TEXT; i++) {
      char c = text.charAt(i);
      clean.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > MAX_TEXT) {
      clean.append("...");
    }
    return clean.toString();
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
