package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /api/whoami-v2} (hub-protocol.md section 9.4). Thread-safe. */
public final class WhoamiRoute implements Route {
  private final HubState state;

  public WhoamiRoute(HubState state) {
    this.state = state;
  }

  @Override
  public Optional<HubResponse> handle(HubRequest request) {
    if (!request.rawPath().equals("/api/whoami-v2")) {
      return Optional.empty();
    }
    Optional<HubResponse> wrongMethod = Router.requireMethod(request, "GET");
    if (wrongMethod.isPresent()) {
      return wrongMethod;
    }
    Optional<Account> account = state.caller(request).account();
    if (account.isEmpty()) {
      return Optional.of(HubErrors.error(401, null, HubErrors.INVALID_USERNAME_OR_PASSWORD));
    }
    return Optional.of(HubResponse.json(200, JsonWriter.write(body(account.get()))));
  }

  private static Map<String, Object> body(Account account) {
    String user = account.user();
    Map<String, Object> accessToken = new LinkedHashMap<>();
    accessToken.put("displayName", account.tokenName());
    accessToken.put("role", "read");
    accessToken.put("createdAt", "2024-01-01T00:00:00.000Z");
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", "access_token");
    auth.put("accessToken", accessToken);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "user");
    json.put("id", Hashes.sha1("user:" + user).substring(0, 24));
    json.put("name", user);
    json.put("fullname", user);
    json.put("email", user + "@localhub.test");
    json.put("emailVerified", true);
    json.put("isPro", false);
    json.put("canPay", false);
    json.put("avatarUrl", "/avatars/" + user + ".svg");
    json.put("periodEnd", null);
    json.put("orgs", List.of());
    json.put("auth", auth);
    return json;
  }
}
