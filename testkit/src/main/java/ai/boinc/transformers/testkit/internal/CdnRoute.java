package ai.boinc.transformers.testkit.internal;

import java.util.List;
import java.util.Optional;

/**
 * The CDN origin: {@code GET|HEAD /blobs/{sha256}?exp=..&sig=..} serves LFS bytes by content hash
 * (or, for virtual files, by their identity),
 * with Range support and its own ETag (unrelated to {@code X-Linked-Etag}, as on the real CDN).
 *
 * <p>A request that carries {@code Authorization} is rejected with 400, like a presigned S3 URL
 * does, so a token leaked across origins fails tests loudly (hub-protocol.md section 6). A missing,
 * wrong or expired signature is 403. Thread-safe.
 */
public final class CdnRoute implements Route {
  static final String AUTHORIZATION_REJECTED =
      "Only one auth mechanism allowed; the Authorization header must not be sent to a signed CDN URL";

  private final HubState state;

  public CdnRoute(HubState state) {
    this.state = state;
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    if (request.header("Authorization").isPresent()) {
      return Optional.of(cdnError(400, "InvalidArgument", AUTHORIZATION_REJECTED));
    }
    List<String> segments = request.rawSegments();
    if (segments.size() != 2 || !segments.get(0).equals("blobs")) {
      return Optional.of(cdnError(404, "NoSuchKey", "The specified key does not exist."));
    }
    Optional<HubResponse> wrongMethod = Router.requireMethod(request, "GET", "HEAD");
    if (wrongMethod.isPresent()) {
      return wrongMethod;
    }
    String key = segments.get(1);
    if (!state.signer()
        .verify(key, request.queryParameter("exp").orElse(null), request.queryParameter("sig").orElse(null))) {
      return Optional.of(cdnError(403, "AccessDenied", "Request has an invalid or expired signature."));
    }
    Optional<RepoFile> blob = state.lfsBlob(key);
    if (blob.isEmpty()) {
      return Optional.of(cdnError(404, "NoSuchKey", "The specified key does not exist."));
    }
    String etag = FileResponses.quote(Hashes.sha256(("cdn:" + key).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    HubResponse response = FileResponses.bytes(request, blob.get().content(), "application/octet-stream", etag);
    return Optional.of(response.header("ETag", etag));
  }

  private static HubResponse cdnError(int status, String code, String message) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
            + "</Message></Error>";
    return HubResponse.status(status)
        .body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/xml");
  }
}
