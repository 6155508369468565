package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Fixtures.TOKEN;
import static ai.boinc.transformers.testkit.Http.bearer;
import static ai.boinc.transformers.testkit.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional relative 307 hop for small files of public repos (hub-protocol.md section 4). */
class LocalHubResolveCacheTest {
  static LocalHub hub;

  @BeforeAll
  static void start() {
    hub =
        LocalHub.builder()
            .resolveCacheRedirects(true)
            .repo(HubRepo.model("acme/public").file("config.json", "{}").file("empty.txt", "").build())
            .repo(HubRepo.model("acme/secret").privateRepo().file("config.json", "{}").build())
            .repo(HubRepo.model("gpt2").file("config.json", "{}").build())
            .token(TOKEN, "demo-user", "acme/secret")
            .start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void publicSmallFileAnswersRelative307ToCommitPinnedPath() {
    String commit = hub.commit("acme/public");
    HttpResponse<byte[]> redirect = Http.head(hub.resolveUri("acme/public", "config.json"));

    assertThat(redirect.statusCode()).isEqualTo(307);
    String location = header(redirect, "Location");
    assertThat(location)
        .isEqualTo(
            "/api/resolve-cache/models/acme/public/" + commit + "/config.json?etag=%22"
                + Fixtures.gitBlobId("{}".getBytes()) + "%22");

    HttpResponse<byte[]> followed = Http.get(hub.endpoint().resolve(location));
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(Http.text(followed)).isEqualTo("{}");
    assertThat(header(followed, "X-Repo-Commit")).isEqualTo(commit);
    assertThat(header(followed, "ETag")).isEqualTo("\"" + Fixtures.gitBlobId("{}".getBytes()) + "\"");
  }

  @Test
  void privateCanonicalAndEmptyFilesAreServedDirectly() {
    assertThat(Http.head(hub.resolveUri("acme/secret", "config.json"), "Authorization", bearer(TOKEN)).statusCode())
        .isEqualTo(200);
    assertThat(Http.head(hub.resolveUri("gpt2", "config.json")).statusCode()).isEqualTo(200);
    assertThat(Http.head(hub.resolveUri("acme/public", "empty.txt")).statusCode()).isEqualTo(200);
  }
}
