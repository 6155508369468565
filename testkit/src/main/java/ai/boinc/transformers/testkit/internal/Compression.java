package ai.boinc.transformers.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The "gzip bodies without Content-Length" switch: when on, a 200 hub answer to a client that
 * accepts gzip is sent gzip-encoded with chunked transfer coding, so its length is unknown up
 * front, as the real hub (behind its proxy) does for text bodies. HEAD gets the same headers.
 */
final class Compression {
  /** Bodies larger than this are sent as they are (only small files and JSON are compressed). */
  private static final long MAX = 16L << 20;

  private Compression() {}

  static HubResponse apply(HubRequest request, HubResponse response, boolean enabled) {
    if (!enabled
        || response.status() != 200
        || response.bodyLength() == 0
        || response.bodyLength() > MAX
        || response.headers().containsKey("Content-Encoding")
        || !acceptsGzip(request.header("Accept-Encoding").orElse(""))) {
      return response;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(response.bodyBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String contentType = response.headers().get("Content-Type").get(0);
    return response
        .body(bytes.toByteArray(), contentType)
        .chunked(true)
        .setHeader("Content-Encoding", "gzip")
        .setHeader("Vary", "Accept-Encoding");
  }

  /** {@code gzip} listed without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.trim().split(";");
      if (pieces[0].trim().equals("gzip") || pieces[0].trim().equals("*")) {
        for (int i = 1; i < pieces.length; i++) {
          String parameter = pieces[i].trim().replace(" ", "");
          if (parameter.equals("q=0") || parameter.matches("q=0\\.0*")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
