package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonWriter;
import ai.boinc.transformers.testkit.HubRepo;
import java.util.Optional;

/**
 * The hub's access decision for one repository, in the real hub's order: bad token first, then
 * missing/private (indistinguishable), then gated, then disabled. A former id of a renamed
 * repository answers with a relative 307 to the same URL under the new id, if the caller may read
 * the new one (otherwise with the new one's denial). Stateless.
 */
public final class AccessControl {
  static final String DISABLED = "Access to this resource is disabled.";

  private AccessControl() {}

  /** The readable repository, or the response to send instead. Exactly one side is present. */
  public static Decision check(HubState state, HubRequest request, HubRepo.Type type, String id) {
    Caller caller = state.caller(request);
    if (caller.isInvalid()) {
      return Decision.deny(HubErrors.invalidCredentials());
    }
    Optional<Repository> found = state.repository(type, id);
    if (found.isEmpty()) {
      Optional<String> renamed = state.renamedTo(type, id);
      if (renamed.isPresent()) {
        Decision target = check(state, request, type, renamed.get());
        return target.allowed() ? Decision.deny(renameRedirect(request, id, renamed.get())) : target;
      }
    }
    HubResponse notFound = caller.isAnonymous() ? HubErrors.repoNotFoundAnonymous() : HubErrors.repoNotFound();
    if (found.isEmpty()) {
      return Decision.deny(notFound);
    }
    Repository repository = found.get();
    switch (repository.visibility()) {
      case PRIVATE:
        if (!caller.isGranted(id)) {
          return Decision.deny(notFound);
        }
        break;
      case GATED:
        if (caller.isAnonymous()) {
          return Decision.deny(HubErrors.gatedAnonymous(type, id));
        }
        if (!caller.isGranted(id)) {
          return Decision.deny(HubErrors.gatedNotApproved(type, id, state.endpoint()));
        }
        break;
      default:
        break;
    }
    if (repository.disabled()) {
      return Decision.deny(HubErrors.error(403, null, DISABLED));
    }
    return Decision.allow(repository);
  }

  /** 307 to the same raw path and query with the first occurrence of the old id replaced. */
  private static HubResponse renameRedirect(HubRequest request, String oldId, String newId) {
    String path = request.rawPath();
    String needle = "/" + oldId;
    int at = path.indexOf(needle + "/");
    if (at < 0 && path.endsWith(needle)) {
      at = path.length() - needle.length();
    }
    String location = path.substring(0, at) + "/" + newId + path.substring(at + needle.length());
    if (request.rawQuery() != null) {
      location += "?" + request.rawQuery();
    }
    return HubResponse.json(307, JsonWriter.write(java.util.Map.of("error", "Repository moved to " + newId)))
        .header("Location", location);
  }

  /** Either a repository or an error response. */
  public static final class Decision {
    private final Repository repository;
    private final HubResponse denial;

    private Decision(Repository repository, HubResponse denial) {
      this.repository = repository;
      this.denial = denial;
    }

    static Decision allow(Repository repository) {
      return new Decision(repository, null);
    }

    static Decision deny(HubResponse denial) {
      return new Decision(null, denial);
    }

    public boolean allowed() {
      return repository != null;
    }

    public Repository repository() {
      return repository;
    }

    public HubResponse denial() {
      return denial;
    }
  }
}
