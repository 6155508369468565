package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Fixtures.OTHER_TOKEN;
import static ai.boinc.transformers.testkit.Fixtures.TOKEN;
import static ai.boinc.transformers.testkit.Http.bearer;
import static ai.boinc.transformers.testkit.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status/header pairs of hub-protocol.md section 7, on resolve and repo-info URLs. */
class LocalHubAuthTest {
  static final String GATED = "meta-llama/Llama-2-7b-ba";

  static LocalHub hub;

  @BeforeAll
  static void start() {
    hub =
        LocalHub.builder()
            .repo(HubRepo.model(GATED).gated().file("config.json", "{}").build())
            .repo(HubRepo.model("acme/public").file("config.json", "{}").build())
            .repo(HubRepo.model("acme/secret").privateRepo().file("a.txt", "secret").build())
            .repo(HubRepo.dataset("acme/gated-data").gated().file("a.csv", "x").build())
            .token(TOKEN, "demo-user", GATED, "acme/secret")
            .token(OTHER_TOKEN, "other-user")
            .start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static URI file(String repo, String path) {
    return URI.create(hub.endpoint() + "/" + repo + "/resolve/main/" + path);
  }

  static URI info(String types, String repo) {
    return URI.create(hub.endpoint() + "/api/" + types + "/" + repo);
  }

  static List<HttpResponse<byte[]>> both(String repo, String path, String... headers) {
    return List.of(
        Http.head(file(repo, path), headers), Http.get(file(repo, path), headers), Http.get(info("models", repo), headers));
  }

  @Test
  void gatedRepoAnonymousIs401GatedRepo() {
    for (HttpResponse<byte[]> response : both(GATED, "config.json")) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(header(response, "X-Error-Code")).isEqualTo("GatedRepo");
      assertThat(header(response, "X-Error-Message"))
          .isEqualTo(
              "Access to model meta-llama/Llama-2-7b-ba is restricted. You must have access to it and be"
                  + " authenticated to access it. Please log in.");
    }
  }

  @Test
  void gatedRepoWithUnapprovedTokenIs403GatedRepo() {
    for (HttpResponse<byte[]> response : both(GATED, "config.json", "Authorization", bearer(OTHER_TOKEN))) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(header(response, "X-Error-Code")).isEqualTo("GatedRepo");
      assertThat(header(response, "X-Error-Message"))
          .isEqualTo(
              "Access to model meta-llama/Llama-2-7b-ba is restricted and you are not in the authorized list. Visit "
                  + hub.endpoint() + "/meta-llama/Llama-2-7b-ba to ask for access.");
    }
  }

  @Test
  void gatedRepoWithApprovedTokenIs200() {
    for (HttpResponse<byte[]> response : both(GATED, "config.json", "Authorization", bearer(TOKEN))) {
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void gatedDatasetMessageNamesDatasetAndItsPage() {
    URI uri = URI.create(hub.endpoint() + "/datasets/acme/gated-data/resolve/main/a.csv");
    HttpResponse<byte[]> response = Http.get(uri, "Authorization", bearer(OTHER_TOKEN));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(header(response, "X-Error-Message"))
        .startsWith("Access to dataset acme/gated-data is restricted")
        .contains(hub.endpoint() + "/datasets/acme/gated-data to ask for access");
  }

  @Test
  void privateRepoAnonymousIs401RepoNotFound() {
    for (HttpResponse<byte[]> response : both("acme/secret", "a.txt")) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(header(response, "X-Error-Code")).isEqualTo("RepoNotFound");
      assertThat(Http.text(response)).isIn("{\"error\":\"Invalid username or password.\"}", "");
    }
    assertThat(Http.text(Http.get(file("acme/secret", "a.txt"))))
        .isEqualTo("{\"error\":\"Invalid username or password.\"}");
  }

  @Test
  void privateRepoWithTokenWithoutGrantIs404RepoNotFound() {
    for (HttpResponse<byte[]> response : both("acme/secret", "a.txt", "Authorization", bearer(OTHER_TOKEN))) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(header(response, "X-Error-Code")).isEqualTo("RepoNotFound");
    }
  }

  @Test
  void privateRepoWithGrantIs200Direct() {
    HttpResponse<byte[]> response = Http.get(file("acme/secret", "a.txt"), "Authorization", bearer(TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("secret");
  }

  @Test
  void missingRepoLooksLikePrivateRepo() {
    List<HttpResponse<byte[]>> anonymous = both("acme/nothing", "a.txt");
    List<HttpResponse<byte[]>> withToken = both("acme/nothing", "a.txt", "Authorization", bearer(TOKEN));

    assertThat(anonymous).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
    assertThat(anonymous).allSatisfy(r -> assertThat(header(r, "X-Error-Code")).isEqualTo("RepoNotFound"));
    assertThat(withToken).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
    assertThat(withToken).allSatisfy(r -> assertThat(header(r, "X-Error-Code")).isEqualTo("RepoNotFound"));
  }

  @Test
  void invalidTokenIs401WithoutErrorCodeEvenOnPublicRepos() {
    for (String authorization : List.of(bearer("ba_wrong"), "Basic Zm9vOmJhcg==", "Bearer ")) {
      for (String repo : List.of("acme/public", GATED, "acme/secret", "acme/nothing")) {
        for (HttpResponse<byte[]> response : both(repo, "config.json", "Authorization", authorization)) {
          assertThat(response.statusCode()).as(repo).isEqualTo(401);
          assertThat(header(response, "X-Error-Code")).as(repo).isNull();
          assertThat(header(response, "X-Error-Message")).isEqualTo("Invalid credentials in Authorization header");
        }
      }
    }
  }

  @Test
  void publicRepoIsReadableAnonymouslyAndWithAnyValidToken() {
    assertThat(both("acme/public", "config.json")).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(both("acme/public", "config.json", "Authorization", bearer(OTHER_TOKEN)))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
  }

  @Test
  void accessIsCheckedBeforeRevisionAndFile() {
    HttpResponse<byte[]> response = Http.get(URI.create(hub.endpoint() + "/acme/secret/resolve/nope/missing.txt"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(header(response, "X-Error-Code")).isEqualTo("RepoNotFound");
  }

  @Test
  void errorsCarryJsonBodyMatchingTheMessage() {
    HttpResponse<byte[]> response = Http.get(file(GATED, "config.json"), "Authorization", bearer(OTHER_TOKEN));

    assertThat(header(response, "Content-Type")).startsWith("application/json");
    assertThat(Http.text(response)).isEqualTo("{\"error\":\"" + header(response, "X-Error-Message") + "\"}");
  }
}
