package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonReader;
import ai.boinc.transformers.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/{types}/{repo}/paths-info/{rev}}: tree entries for the listed paths that exist
 * (hub-protocol.md section 9.3). The body is JSON {@code {"paths": [...], "expand": bool}} (hfjs)
 * or a form {@code paths=a&paths=b&expand=True} (huggingface_hub). Thread-safe.
 */
public final class PathsInfoRoute implements Route {
  private final HubState state;

  public PathsInfoRoute(HubState state) {
    this.state = state;
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    Optional<RepoPath> path = RepoPath.api(request.rawSegments(), "paths-info");
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<HubResponse> wrongMethod = Router.requireMethod(request, "POST");
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
    Optional<RevisionMatch> match = RevisionMatch.find(repository, path.rest, 0).filter(m -> m.rest.isEmpty());
    if (match.isEmpty()) {
      return HubErrors.revisionNotFound(String.join("/", path.rest));
    }
    List<String> paths = new ArrayList<>();
    boolean expand;
    try {
      expand = readBody(request, paths);
    } catch (IllegalArgumentException e) {
      return HubErrors.badRequest(e.getMessage());
    }
    Snapshot snapshot = match.get().snapshot;
    List<Object> entries = new ArrayList<>();
    for (String wanted : paths) {
      TreeEntries.entry(repository, snapshot, wanted, expand).ifPresent(entries::add);
    }
    return HubResponse.json(200, JsonWriter.write(entries)).header("X-Repo-Commit", snapshot.commit());
  }

  /** Fills {@code paths} from the body and returns {@code expand}. */
  private static boolean readBody(HubRequest request, List<String> paths) {
    String text = new String(request.body(), StandardCharsets.UTF_8);
    String contentType = request.header("Content-Type").orElse("");
    if (contentType.startsWith("application/json") || text.trim().startsWith("{")) {
      Object json = JsonReader.parse(text);
      if (!(json instanceof Map)) {
        throw new IllegalArgumentException("expected a JSON object with \"paths\"");
      }
      Object list = ((Map<?, ?>) json).get("paths");
      if (list instanceof String) {
        paths.add((String) list);
      } else if (list instanceof List) {
        for (Object item : (List<?>) list) {
          if (!(item instanceof String)) {
            throw new IllegalArgumentException("\"paths\" must hold strings");
          }
          paths.add((String) item);
        }
      } else {
        throw new IllegalArgumentException("\"paths\" is required");
      }
      return Boolean.TRUE.equals(((Map<?, ?>) json).get("expand"));
    }
    boolean expand = false;
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : HubRequest.decodeForm(pair.substring(eq + 1));
      if (key.equals("paths") || key.equals("paths%5B%5D") || key.equals("paths[]")) {
        paths.add(value);
      } else if (key.equals("expand")) {
        expand = value.equalsIgnoreCase("true") || value.equals("1");
      }
    }
    if (paths.isEmpty() && !text.contains("paths")) {
      throw new IllegalArgumentException("\"paths\" is required");
    }
    return expand;
  }
}
