package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Fixtures.TOKEN;
import static ai.boinc.transformers.testkit.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** whoami-v2 and repo info (hub-protocol.md sections 9.1 and 9.4). */
class LocalHubApiTest {
  static final byte[] WEIGHTS = Fixtures.bytes(5000, 3);
  static final ObjectMapper JSON = new ObjectMapper();

  static LocalHub hub;

  @BeforeAll
  static void start() {
    hub =
        LocalHub.builder()
            .repo(
                HubRepo.model("acme/public")
                    .file("config.json", "{}")
                    .lfsFile("model.bin", WEIGHTS)
                    .branch("refs/pr/1")
                    .build())
            .repo(HubRepo.model("acme/gated").gated().file("a.txt", "a").build())
            .repo(HubRepo.dataset("acme/data").privateRepo().file("train.csv", "x").build())
            .token(TOKEN, "demo-user", "acme/data")
            .start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return JSON.readTree(response.body());
  }

  URI api(String path) {
    return URI.create(hub.endpoint() + "/api/" + path);
  }

  @Test
  void whoamiDescribesTheTokensUser() throws IOException {
    HttpResponse<byte[]> response = Http.get(api("whoami-v2"), "Authorization", bearer(TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("type").asText()).isEqualTo("user");
    assertThat(body.path("id").asText()).isNotEmpty();
    assertThat(body.path("name").asText()).isEqualTo("demo-user");
    assertThat(body.path("fullname").asText()).isNotEmpty();
    assertThat(body.path("email").asText()).contains("@");
    assertThat(body.path("orgs").isArray()).isTrue();
    assertThat(body.path("orgs")).isEmpty();
    assertThat(body.path("auth").path("type").asText()).isEqualTo("access_token");
    JsonNode accessToken = body.path("auth").path("accessToken");
    assertThat(accessToken.path("displayName").asText()).isNotEmpty().doesNotContain(TOKEN);
    assertThat(accessToken.path("role").asText()).isEqualTo("read");
    assertThat(accessToken.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(Http.text(response)).doesNotContain(TOKEN);
  }

  @Test
  void whoamiWithoutValidTokenIs401() throws IOException {
    for (HttpResponse<byte[]> response :
        List.of(Http.get(api("whoami-v2")), Http.get(api("whoami-v2"), "Authorization", bearer("ba_x")))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(json(response).path("error").asText()).isEqualTo("Invalid username or password.");
    }
  }

  @Test
  void repoInfoHasShaAndSiblings() throws IOException {
    HttpResponse<byte[]> response = Http.get(api("models/acme/public"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("id").asText()).isEqualTo("acme/public");
    assertThat(body.path("sha").asText()).isEqualTo(hub.commit("acme/public"));
    assertThat(body.path("private").asBoolean(true)).isFalse();
    assertThat(body.path("gated").isBoolean()).isTrue();
    assertThat(body.path("gated").asBoolean(true)).isFalse();
    assertThat(body.path("siblings").findValuesAsText("rfilename")).containsExactly("config.json", "model.bin");
    assertThat(body.path("siblings").get(0).has("size")).isFalse();
  }

  @Test
  void repoInfoWithBlobsHasSizesBlobIdsAndLfs() throws IOException {
    JsonNode siblings = json(Http.get(api("models/acme/public?blobs=true"))).path("siblings");

    JsonNode config = siblings.get(0);
    assertThat(config.path("size").asLong()).isEqualTo(2);
    assertThat(config.path("blobId").asText()).isEqualTo(Fixtures.gitBlobId("{}".getBytes()));
    assertThat(config.has("lfs")).isFalse();
    JsonNode model = siblings.get(1);
    assertThat(model.path("size").asLong()).isEqualTo(WEIGHTS.length);
    assertThat(model.path("blobId").asText()).matches("[0-9a-f]{40}");
    assertThat(model.path("lfs").path("sha256").asText()).isEqualTo(Fixtures.sha256(WEIGHTS));
    assertThat(model.path("lfs").path("size").asLong()).isEqualTo(WEIGHTS.length);
    String pointer =
        "version https://git-lfs.github.com/spec/v1\noid sha256:" + Fixtures.sha256(WEIGHTS) + "\nsize "
            + WEIGHTS.length + "\n";
    assertThat(model.path("lfs").path("pointerSize").asInt()).isEqualTo(pointer.length());
    assertThat(model.path("blobId").asText()).isEqualTo(Fixtures.gitBlobId(pointer.getBytes()));
  }

  @Test
  void repoInfoAtRevisionIncludingEncodedSlash() throws IOException {
    for (String revision : new String[] {"main", "refs%2Fpr%2F1", hub.commit("acme/public")}) {
      HttpResponse<byte[]> response = Http.get(api("models/acme/public/revision/" + revision));
      assertThat(response.statusCode()).as(revision).isEqualTo(200);
      assertThat(json(response).path("sha").asText()).isEqualTo(hub.commit("acme/public"));
    }
    HttpResponse<byte[]> unknown = Http.get(api("models/acme/public/revision/nope"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.header(unknown, "X-Error-Code")).isEqualTo("RevisionNotFound");
  }

  @Test
  void aRevisionWhoseEscapesAreNotUtf8Is400OnEveryRoute() {
    URI[] uris = {
      api("models/acme/public/revision/%ff"),
      api("models/acme/public/tree/%ff"),
      URI.create(hub.endpoint() + "/acme/public/resolve/%ff/config.json")
    };
    for (URI uri : uris) {
      HttpResponse<byte[]> response = Http.get(uri);
      assertThat(response.statusCode()).as(uri.toString()).isEqualTo(400);
      assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
          .as(uri.toString())
          .contains("Invalid revision");
    }
  }

  @Test
  void repoInfoOfGatedRepoShowsManualGateAndIsProtected() throws IOException {
    HttpResponse<byte[]> anonymous = Http.get(api("models/acme/gated/revision/main"));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(Http.header(anonymous, "X-Error-Code")).isEqualTo("GatedRepo");
  }

  @Test
  void repoInfoOfPrivateDatasetWithGrant() throws IOException {
    HttpResponse<byte[]> response = Http.get(api("datasets/acme/data"), "Authorization", bearer(TOKEN));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("private").asBoolean()).isTrue();
    assertThat(body.has("modelId")).isFalse();
    assertThat(Http.get(api("datasets/acme/data")).statusCode()).isEqualTo(401);
    assertThat(Http.get(api("models/acme/data"), "Authorization", bearer(TOKEN)).statusCode()).isEqualTo(404);
  }

  @Test
  void gatedFlagIsManualWhenApproved() throws IOException {
    try (LocalHub approved =
        LocalHub.builder()
            .repo(HubRepo.model("acme/gated").gated().file("a.txt", "a").build())
            .token(TOKEN, "demo-user", "acme/gated")
            .start()) {
      HttpResponse<byte[]> response =
          Http.get(URI.create(approved.endpoint() + "/api/models/acme/gated"), "Authorization", bearer(TOKEN));
      assertThat(json(response).path("gated").asText()).isEqualTo("manual");
    }
  }
}
