package ai.boinc.transformers.testkit.internal;

import java.util.List;
import java.util.Optional;

/**
 * {@code HEAD|GET /[datasets/|spaces/]{repo}/resolve/{revision}/{path}}: the file download and
 * metadata endpoint (hub-protocol.md sections 3-5). Checks run in the real hub's order: token,
 * repository access, revision, file. Thread-safe.
 */
public final class ResolveRoute implements Route {
  private final HubState state;

  public ResolveRoute(HubState state) {
    this.state = state;
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    List<String> segments = request.rawSegments();
    if (!segments.isEmpty() && segments.get(0).equals("api")) {
      return Optional.empty();
    }
    Optional<RepoPath> found = RepoPath.fromUrlPrefix(segments, "resolve");
    if (found.isEmpty() || found.get().rest.size() < 2) {
      return Optional.empty();
    }
    Optional<HubResponse> wrongMethod = Router.requireMethod(request, "GET", "HEAD");
    if (wrongMethod.isPresent()) {
      return wrongMethod;
    }
    return Optional.of(resolve(request, found.get()));
  }

  private HubResponse resolve(HubRequest request, RepoPath path) {
    AccessControl.Decision access = AccessControl.check(state, request, path.type, path.id);
    if (!access.allowed()) {
      return access.denial();
    }
    Repository repository = access.repository();
    Optional<RevisionMatch> match = RevisionMatch.find(repository, path.rest, 1);
    if (match.isEmpty()) {
      String shown;
      try {
        shown = PercentCodec.decode(path.rest.get(0));
      } catch (IllegalArgumentException e) {
        shown = path.rest.get(0);
      }
      return HubErrors.revisionNotFound(shown);
    }
    Snapshot snapshot = match.get().snapshot;
    Optional<String> filePath = FilePaths.decode(match.get().rest);
    Optional<RepoFile> file = filePath.flatMap(snapshot::file);
    if (file.isEmpty()) {
      return HubErrors.entryNotFound(snapshot.commit());
    }
    return serve(repository, file.get(), snapshot.commit(), request);
  }

  private HubResponse serve(Repository repository, RepoFile file, String commit, HubRequest request) {
    if (file.isLfs()) {
      return FileResponses.lfsRedirect(file, commit, state);
    }
    if (state.options().resolveCacheRedirects()
        && repository.visibility() == Repository.Visibility.PUBLIC
        && repository.id().contains("/")
        && file.size() > 0) {
      return ResolveCacheRoute.redirect(repository, file, commit);
    }
    return FileResponses.direct(request, file, commit, state);
  }
}
