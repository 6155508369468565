package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/{types}/{repo}/tree/{rev}[/{path}]?recursive=..&expand=..}: the file listing,
 * paged after {@link HubOptions#treePageSize()} entries with a GitHub-style {@code Link: <next>;
 * rel="next"} whose URL carries the query and an opaque {@code cursor} (hub-protocol.md section
 * 9.2). Thread-safe.
 */
public final class TreeRoute implements Route {
  private final HubState state;

  public TreeRoute(HubState state) {
    this.state = state;
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    Optional<RepoPath> path = RepoPath.api(request.rawSegments(), "tree");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<HubResponse> wrongMethod = Router.requireMethod(request, "GET", "HEAD");
    if (wrongMethod.isPresent()) {
      return wrongMethod;
    }
    return Optional.of(list(request, path.get()));
  }

  private HubResponse list(HubRequest request, RepoPath path) {
    AccessControl.Decision access = AccessControl.check(state, request, path.type, path.id);
    if (!access.allowed()) {
      return access.denial();
    }
    Repository repository = access.repository();
    Optional<RevisionMatch> match = RevisionMatch.find(repository, path.rest, 0);
    if (match.isEmpty()) {
      return HubErrors.revisionNotFound(decoded(path.rest.get(0)));
    }
    Snapshot snapshot = match.get().snapshot;
    String dir = "";
    if (!match.get().rest.isEmpty()) {
      Optional<String> decoded = FilePaths.decode(match.get().rest);
      if (decoded.isEmpty() || !TreeEntries.directories(snapshot).contains(decoded.get())) {
        return HubErrors.entryNotFound(snapshot.commit());
      }
      dir = decoded.get();
    }
    boolean recursive = flag(request, "recursive");
    boolean expand = flag(request, "expand");
    List<String> all = TreeEntries.listing(snapshot, dir, recursive);
    int start = cursor(request.queryParameter("cursor").orElse(null));
    if (start < 0 || start > all.size()) {
      return HubErrors.badRequest("Invalid cursor");
    }
    int end = Math.min(all.size(), start + state.options().treePageSize());
    List<Object> page = new ArrayList<>();
    for (String entry : all.subList(start, end)) {
      page.add(TreeEntries.entry(repository, snapshot, entry, expand).orElseThrow());
    }
    HubResponse response = HubResponse.json(200, JsonWriter.write(page));
    if (end < all.size()) {
      response.header("Link", "<" + nextUrl(request, end) + ">; rel=\"next\"");
    }
    return response;
  }

  private String nextUrl(HubRequest request, int next) {
    StringBuilder query = new StringBuilder();
    if (request.rawQuery() != null) {
      for (String pair : request.rawQuery().split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("cursor=")) {
          query.append(query.length() == 0 ? "" : "&").append(pair);
        }
      }
    }
    query.append(query.length() == 0 ? "" : "&").append("cursor=").append(encodeCursor(next));
    return state.endpoint() + request.rawPath() + "?" + query;
  }

  private static String encodeCursor(int index) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("i:" + index).getBytes(StandardCharsets.US_ASCII));
  }

  /** The start index of a cursor; 0 without one, -1 if malformed. */
  private static int cursor(String cursor) {
    if (cursor == null) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      return text.startsWith("i:") ? Integer.parseInt(text.substring(2)) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static boolean flag(HubRequest request, String name) {
    return request.queryParameter(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
  }

  private static String decoded(String raw) {
    try {
      return PercentCodec.decode(raw);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
