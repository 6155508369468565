package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.util.List;
import java.util.Optional;

/**
 * The commit-pinned target of the relative 307 that the real hub sends for small files of public
 * repos: {@code /api/resolve-cache/{types}/{repo}/{commit}/{path}?etag=...} (hub-protocol.md
 * section 4). Answers like a direct resolve. Thread-safe.
 */
public final class ResolveCacheRoute implements Route {
  private final HubState state;

  public ResolveCacheRoute(HubState state) {
    this.state = state;
  }

  /** The relative 307 from {@code /resolve/} to this route. */
  static HubResponse redirect(Repository repository, RepoFile file, String commit) {
    String location =
        "/api/resolve-cache/" + repository.type().apiPath() + "/" + repository.id() + "/" + commit + "/"
            + PercentCodec.encodePath(file.path()) + "?etag=%22" + file.blobId() + "%22";
    return HubResponse.status(307).header("Location", location).header("X-Repo-Commit", commit);
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    List<String> segments = request.rawSegments();
    if (segments.size() < 5 || !segments.get(0).equals("api") || !segments.get(1).equals("resolve-cache")) {
      return Optional.empty();
    }
    Optional<HubRepo.Type> type = RepoPath.typeFromApiPath(segments.get(2));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<String> rest = segments.subList(3, segments.size());
    for (int idLength = 1; idLength <= 2 && idLength + 1 < rest.size(); idLength++) {
      String commit = rest.get(idLength);
      if (Hashes.isLowerHex(commit, 40)) {
        Optional<HubResponse> wrongMethod = Router.requireMethod(request, "GET", "HEAD");
        if (wrongMethod.isPresent()) {
          return wrongMethod;
        }
        String id = String.join("/", rest.subList(0, idLength));
        return Optional.of(serve(request, type.get(), id, commit, rest.subList(idLength + 1, rest.size())));
      }
    }
    return Optional.empty();
  }

  private HubResponse serve(HubRequest request, HubRepo.Type type, String id, String commit, List<String> rawPath) {
    AccessControl.Decision access = AccessControl.check(state, request, type, id);
    if (!access.allowed()) {
      return access.denial();
    }
    Optional<Snapshot> snapshot = access.repository().revision(commit);
    if (snapshot.isEmpty()) {
      return HubErrors.revisionNotFound(commit);
    }
    Optional<RepoFile> file = FilePaths.decode(rawPath).flatMap(snapshot.get()::file);
    if (file.isEmpty()) {
      return HubErrors.entryNotFound(commit);
    }
    if (file.get().isLfs()) {
      return FileResponses.lfsRedirect(file.get(), commit, state);
    }
    return FileResponses.direct(request, file.get(), commit, state);
  }
}
