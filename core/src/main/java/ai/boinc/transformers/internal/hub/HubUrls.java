package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.RepoType;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Builds hub URLs from raw, already-encoded segments so that no URI library re-normalises them. */
public final class HubUrls {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HubUrls() {}

  /** {@code {endpoint}/{prefix}{repo}/resolve/{revision}/{file}}, revision encoded as one segment. */
  public static URI resolve(URI endpoint, RepoType type, String repoId, String revision, String filename) {
    return URI.create(
        endpoint
            + "/"
            + type.urlPrefix()
            + repoId
            + "/resolve/"
            + encode(revision, false)
            + "/"
            + encode(filename, true));
  }

  /** {@code {endpoint}/api/{types}/{repo}/revision/{revision}}: repo info with {@code sha} and siblings. */
  public static URI repoInfo(URI endpoint, RepoType type, String repoId, String revision) {
    return URI.create(endpoint + "/api/" + type.plural() + "/" + repoId + "/revision/" + encode(revision, false));
  }

  /** {@link #repoInfo} with {@code ?blobs=true}: each sibling also carries size, blob id and LFS sha256. */
  public static URI repoInfoWithBlobs(URI endpoint, RepoType type, String repoId, String revision) {
    return URI.create(repoInfo(endpoint, type, repoId, revision) + "?blobs=true");
  }

  /** {@code {endpoint}/api/{types}/{repo}/tree/{revision}?recursive=true&expand=false}, paged by {@code Link}. */
  public static URI tree(URI endpoint, RepoType type, String repoId, String revision) {
    return URI.create(
        endpoint + "/api/" + type.plural() + "/" + repoId + "/tree/" + encode(revision, false)
            + "?recursive=true&expand=false");
  }

  /** {@code {endpoint}/api/whoami-v2}. */
  public static URI whoami(URI endpoint) {
    return URI.create(endpoint + "/api/whoami-v2");
  }

  /** The repository's page, where users request access to gated repos. */
  public static URI repoPage(URI endpoint, RepoType type, String repoId) {
    return URI.create(endpoint + "/" + type.urlPrefix() + repoId);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters (and '/' when asked). */
  static String encode(String value, boolean keepSlash) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/');
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
