package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonWriter;
import ai.boinc.transformers.testkit.HubRepo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/{types}/{repo}} and {@code /api/{types}/{repo}/revision/{rev}}: repository info
 * with {@code sha} and {@code siblings}, and with {@code ?blobs=true} each file's size, blob id and
 * LFS data (hub-protocol.md section 9.1). Thread-safe.
 */
public final class RepoInfoRoute implements Route {
  /** Fixed so answers are reproducible. */
  private static final String TIMESTAMP = "2024-01-01T00:00:00.000Z";

  private final HubState state;

  public RepoInfoRoute(HubState state) {
    this.state = state;
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    List<String> segments = request.rawSegments();
    if (segments.size() < 3 || !segments.get(0).equals("api")) {
      return Optional.empty();
    }
    Optional<HubRepo.Type> type = RepoPath.typeFromApiPath(segments.get(1));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<String> rest = segments.subList(2, segments.size());
    Optional<RepoPath> path =
        RepoPath.withMarker(type.get(), rest, "revision").filter(p -> !p.rest.isEmpty());
    if (path.isEmpty()) {
      path = RepoPath.exact(type.get(), rest);
    }
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<HubResponse> wrongMethod = Router.requireMethod(request, "GET", "HEAD");
    if (wrongMethod.isPresent()) {
      return wrongMethod;
    }
    return Optional.of(info(request, path.get()));
  }

  private HubResponse info(HubRequest request, RepoPath path) {
    AccessControl.Decision access = AccessControl.check(state, request, path.type, path.id);
    if (!access.allowed()) {
      return access.denial();
    }
    Repository repository = access.repository();
    Snapshot snapshot = repository.main();
    if (!path.rest.isEmpty()) {
      Optional<RevisionMatch> match = RevisionMatch.find(repository, path.rest, 0).filter(m -> m.rest.isEmpty());
      if (match.isEmpty()) {
        return HubErrors.revisionNotFound(String.join("/", path.rest));
      }
      snapshot = match.get().snapshot;
    }
    boolean blobs = request.queryParameter("blobs").map("true"::equalsIgnoreCase).orElse(false);
    return HubResponse.json(200, JsonWriter.write(body(repository, snapshot, blobs)));
  }

  private static Map<String, Object> body(Repository repository, Snapshot snapshot, boolean blobs) {
    String id = repository.id();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("_id", Hashes.sha1(repository.key()).substring(0, 24));
    json.put("id", id);
    if (repository.type() == HubRepo.Type.MODEL) {
      json.put("modelId", id);
    }
    json.put("author", id.contains("/") ? id.substring(0, id.indexOf('/')) : id);
    json.put("sha", snapshot.commit());
    json.put("lastModified", TIMESTAMP);
    json.put("createdAt", TIMESTAMP);
    json.put("private", repository.visibility() == Repository.Visibility.PRIVATE);
    json.put("gated", repository.visibility() == Repository.Visibility.GATED ? "manual" : Boolean.FALSE);
    json.put("disabled", false);
    json.put("downloads", 0);
    json.put("likes", 0);
    json.put("tags", List.of());
    List<Object> siblings = new ArrayList<>();
    long storage = 0;
    for (RepoFile file : snapshot.files().values()) {
      siblings.add(sibling(file, blobs));
      storage += file.size();
    }
    json.put("siblings", siblings);
    json.put("usedStorage", storage);
    return json;
  }

  private static Map<String, Object> sibling(RepoFile file, boolean blobs) {
    Map<String, Object> sibling = new LinkedHashMap<>();
    sibling.put("rfilename", file.path());
    if (blobs) {
      sibling.put("size", file.size());
      sibling.put("blobId", file.blobId());
      if (file.isLfs()) {
        Map<String, Object> lfs = new LinkedHashMap<>();
        lfs.put("sha256", file.sha256());
        lfs.put("size", file.size());
        lfs.put("pointerSize", file.pointerSize());
        sibling.put("lfs", lfs);
      }
    }
    return sibling;
  }
}
