package ai.boinc.transformers.testkit.internal;

import java.util.Locale;

/** Builds the answers that carry file bytes or point at them (hub-protocol.md sections 4 and 5). */
final class FileResponses {
  private FileResponses() {}

  /**
   * A git-stored file answered directly: 200 (or 206/416 for a Range, 304 for a matching {@code
   * If-None-Match}) with {@code X-Repo-Commit} and the quoted git blob id as {@code ETag}.
   */
  static HubResponse direct(HubRequest request, RepoFile file, String commit) {
    String etag = quote(file.blobId());
    if (matches(request.header("If-None-Match").orElse(null), file.blobId())) {
      return HubResponse.status(304).header("ETag", etag).header("X-Repo-Commit", commit);
    }
    HubResponse response = bytes(request, file.content(), contentType(file.path()));
    return response.header("X-Repo-Commit", commit).header("ETag", etag);
  }

  /**
   * An LFS file: 302 to the signed CDN URL with the linked ETag (quoted sha256) and size. The
   * hub's own {@code ETag} is the pointer's blob id, which clients must ignore.
   */
  static HubResponse lfsRedirect(RepoFile file, String commit, HubState state) {
    String location = state.cdnEndpoint() + "/blobs/" + file.sha256() + "?" + state.signer().sign(file.sha256());
    return HubResponse.status(302)
        .header("Location", location)
        .header("X-Repo-Commit", commit)
        .header("X-Linked-Etag", quote(file.sha256()))
        .header("X-Linked-Size", Long.toString(file.size()))
        .header("ETag", quote(file.blobId()))
        .header("Accept-Ranges", "bytes");
  }

  /** The whole content (200) or one range of it (206/416), with {@code Accept-Ranges}. */
  static HubResponse bytes(HubRequest request, byte[] content, String contentType) {
    ByteRange range = ByteRange.parse(request.header("Range").orElse(null), content.length);
    HubResponse response;
    switch (range.kind()) {
      case PARTIAL:
        response =
            HubResponse.status(206)
                .body(content, (int) range.first(), (int) range.length(), contentType)
                .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + content.length);
        break;
      case UNSATISFIABLE:
        response = HubResponse.status(416).header("Content-Range", "bytes */" + content.length);
        break;
      default:
        response = HubResponse.status(200).body(content, contentType);
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
