package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonWriter;
import ai.boinc.transformers.testkit.HubRepo;
import java.net.URI;
import java.util.Map;

/**
 * The real hub's error answers (hub-protocol.md section 7): status, {@code X-Error-Code}, {@code
 * X-Error-Message} and a JSON {@code {"error": ...}} body with the same text.
 */
public final class HubErrors {
  static final String INVALID_CREDENTIALS = "Invalid credentials in Authorization header";
  static final String INVALID_USERNAME_OR_PASSWORD = "Invalid username or password.";

  private HubErrors() {}

  /** A token that the hub does not know: 401 without {@code X-Error-Code}, even on public repos. */
  public static HubResponse invalidCredentials() {
    return error(401, null, INVALID_CREDENTIALS);
  }

  /** Missing repo or private repo, anonymous caller. */
  public static HubResponse repoNotFoundAnonymous() {
    return error(401, "RepoNotFound", INVALID_USERNAME_OR_PASSWORD);
  }

  /** Missing repo or private repo, token without access. */
  public static HubResponse repoNotFound() {
    return error(404, "RepoNotFound", "Repository not found");
  }

  public static HubResponse gatedAnonymous(HubRepo.Type type, String id) {
    return error(
        401,
        "GatedRepo",
        "Access to " + type.singular() + " " + id
            + " is restricted. You must have access to it and be authenticated to access it. Please log in.");
  }

  public static HubResponse gatedNotApproved(HubRepo.Type type, String id, URI endpoint) {
    return error(
        403,
        "GatedRepo",
        "Access to " + type.singular() + " " + id + " is restricted and you are not in the authorized list. Visit "
            + endpoint + "/" + type.urlPrefix() + id + " to ask for access.");
  }

  public static HubResponse revisionNotFound(String revision) {
    return error(404, "RevisionNotFound", "Invalid rev id: " + revision);
  }

  /** A missing file; still carries the commit, which clients use for their negative cache. */
  public static HubResponse entryNotFound(String commit) {
    return error(404, "EntryNotFound", "Entry not found").header("X-Repo-Commit", commit);
  }

  public static HubResponse badRequest(String message) {
    return error(400, null, message);
  }

  /** An error with only a JSON body (no X-Error-Code or X-Error-Message), e.g. an unknown page. */
  public static HubResponse plain(int status, String message) {
    return HubResponse.json(status, JsonWriter.write(Map.of("error", message)));
  }

  static HubResponse error(int status, String code, String message) {
    HubResponse response = HubResponse.json(status, JsonWriter.write(Map.of("error", message)));
    if (code != null) {
      response.header("X-Error-Code", code);
    }
    return response.header("X-Error-Message", message);
  }
}
