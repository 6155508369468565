package ai.boinc.transformers.testkit.internal;

import java.util.Locale;

/** Builds the answers that carry file bytes or point at them (hub-protocol.md sections 4 and 5). */
final class FileResponses {
  private FileResponses() {}

  /**
   * A git-stored file answered directly: 200 (or 206/416 for a Range, 304 for a matching {@code
   * If-None-Match}) with {@code X-Repo-Commit} and the quoted git blob id as {@code ETag}.
   */
  static HubResponse direct(HubRequest request, RepoFile file, String commit, HubState state) {
    String etag = etag(file.blobId(), state);
    if (matches(request.header("If-None-Match").orElse(null), file.blobId())) {
      return HubResponse.status(304).header("ETag", etag).header("X-Repo-Commit", commit);
    }
    HubResponse response = bytes(request, file.content(), contentType(file.path()), quote(file.blobId()));
    return response.header("X-Repo-Commit", commit).header("ETag", etag);
  }

  /**
   * An LFS file: 302 to the signed CDN URL with the linked ETag (quoted sha256) and size. The
   * hub's own {@code ETag} is the pointer's blob id, which clients must ignore.
   */
  static HubResponse lfsRedirect(RepoFile file, String commit, HubState state) {
    return HubResponse.status(302)
        .header("Location", cdnLocation(file, state))
        .header("X-Repo-Commit", commit)
        .header("X-Linked-Etag", etag(file.sha256(), state))
        .header("X-Linked-Size", Long.toString(file.size()))
        .header("ETag", etag(file.blobId(), state))
        .header("Accept-Ranges", "bytes");
  }

  /** The signed CDN URL of an LFS file. */
  static String cdnLocation(RepoFile file, HubState state) {
    String key = file.blobKey();
    return state.cdnEndpoint() + "/blobs/" + key + "?" + state.signer().sign(key);
  }

  /** A quoted ETag, weak ({@code W/"..."}) if the hub is set up so. */
  private static String etag(String value, HubState state) {
    return (state.options().weakEtags() ? "W/" : "") + quote(value);
  }

  /**
   * The whole content (200) or one range of it (206/416), with {@code Accept-Ranges}. A Range
   * whose {@code If-Range} does not name {@code etag} (the strong ETag of this answer) is ignored,
   * as RFC 9110 section 13.1.5 says: the whole content follows.
   */
  static HubResponse bytes(HubRequest request, Content content, String contentType, String etag) {
    long total = content.size();
    String rangeHeader = request.header("Range").orElse(null);
    String ifRange = request.header("If-Range").map(String::trim).orElse(null);
    if (ifRange != null && !ifRange.equals(etag)) {
      rangeHeader = null;
    }
    ByteRange range = ByteRange.parse(rangeHeader, total);
    HubResponse response;
    switch (range.kind()) {
      case PARTIAL:
        response =
            HubResponse.status(206)
                .body(content, range.first(), range.length(), contentType)
                .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + total);
        break;
      case UNSATISFIABLE:
        response = HubResponse.status(416).header("Content-Range", "bytes */" + total);
        break;
      default:
        response = HubResponse.status(200).body(content, 0, total, contentType);
    }
    return response.header("Accept-Ranges", "bytes");
  }

  static String quote(String etag) {
    return "\"" + etag + "\"";
  }

  /** {@code If-None-Match} with {@code *} or a list of (possibly weak) tags that includes this one. */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(quote(etag))) {
        return true;
      }
    }
    return false;
  }

  static String contentType(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json; charset=utf-8";
    }
    if (name.endsWith(".txt") || name.endsWith(".md")) {
      return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
