package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Fixtures.TOKEN;
import static ai.boinc.transformers.testkit.Http.bearer;
import static ai.boinc.transformers.testkit.Http.header;
import static ai.boinc.transformers.testkit.Http.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several commits per repository, refs at older commits, runtime commits, renamed and disabled repos. */
class LocalHubHistoryTest {
  LocalHub hub;
  HubRepo repo;

  @BeforeEach
  void start() {
    repo =
        HubRepo.model("acme/m")
            .file("a.txt", "v1")
            .file("old.txt", "x")
            .commitAs("first")
            .file("a.txt", "v2")
            .branch("dev")
            .branch("feature/x")
            .tag("v1.0")
            .pullRequest(1)
            .removeFile("old.txt")
            .renamedFrom("acme/old-name")
            .build();
    hub =
        LocalHub.builder()
            .repo(repo)
            .repo(HubRepo.model("acme/private").privateRepo().file("p.txt", "p").renamedFrom("acme/private-old").build())
            .repo(HubRepo.model("acme/off").file("a.txt", "a").disabled().build())
            .token(TOKEN, "demo-user", "acme/private")
            .start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  URI resolve(String repoId, String revision, String path) {
    return URI.create(hub.endpoint() + "/" + repoId + "/resolve/" + revision + "/" + path);
  }

  @Test
  void refsPointAtTheLastEndedCommitAndMainAtTheNewest() {
    String first = hub.commit("acme/m", "v1.0");
    String main = hub.commit("acme/m", "main");

    assertThat(repo.commits()).containsExactly(first, main);
    assertThat(main).isNotEqualTo(first).isEqualTo(hub.commit("acme/m"));
    for (String ref : new String[] {"dev", "feature/x", "refs/pr/1", first, first.substring(0, 7)}) {
      assertThat(hub.commit("acme/m", ref)).as(ref).isEqualTo(first);
    }
    assertThat(repo.refs()).containsExactly("main", "dev", "feature/x", "v1.0", "refs/pr/1");
  }

  @Test
  void eachRevisionServesItsOwnContentAndCommit() {
    String first = hub.commit("acme/m", "v1.0");
    for (String revision : new String[] {"v1.0", "dev", "feature%2Fx", "refs%2Fpr%2F1", first, first.substring(0, 10)}) {
      HttpResponse<byte[]> response = Http.get(resolve("acme/m", revision, "a.txt"));
      assertThat(text(response)).as(revision).isEqualTo("v1");
      assertThat(header(response, "X-Repo-Commit")).as(revision).isEqualTo(first);
    }
    HttpResponse<byte[]> main = Http.get(resolve("acme/m", "main", "a.txt"));
    assertThat(text(main)).isEqualTo("v2");
    assertThat(header(main, "X-Repo-Commit")).isEqualTo(hub.commit("acme/m"));
    assertThat(header(main, "ETag")).isNotEqualTo(header(Http.get(resolve("acme/m", "v1.0", "a.txt")), "ETag"));
  }

  @Test
  void removedFileIsMissingOnlyInLaterCommits() {
    assertThat(Http.get(resolve("acme/m", "v1.0", "old.txt")).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> gone = Http.get(resolve("acme/m", "main", "old.txt"));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(header(gone, "X-Error-Code")).isEqualTo("EntryNotFound");
    assertThat(header(gone, "X-Repo-Commit")).isEqualTo(hub.commit("acme/m"));
  }

  @Test
  void tooShortOrUnknownCommitIsRevisionNotFound() {
    String first = hub.commit("acme/m", "v1.0");
    HttpResponse<byte[]> response = Http.get(resolve("acme/m", first.substring(0, 6), "a.txt"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(header(response, "X-Error-Code")).isEqualTo("RevisionNotFound");
    assertThatThrownBy(() -> hub.commit("acme/m", "nope")).hasMessageContaining("nope");
  }

  @Test
  void putFileMakesANewCommitOnMainOnly() {
    String before = hub.commit("acme/m");
    String after = hub.putFile("acme/m", "a.txt", "v3".getBytes(StandardCharsets.UTF_8));

    assertThat(after).isNotEqualTo(before).isEqualTo(hub.commit("acme/m"));
    HttpResponse<byte[]> main = Http.get(resolve("acme/m", "main", "a.txt"));
    assertThat(text(main)).isEqualTo("v3");
    assertThat(header(main, "X-Repo-Commit")).isEqualTo(after);
    assertThat(text(Http.get(resolve("acme/m", before, "a.txt")))).isEqualTo("v2");
    assertThat(text(Http.get(resolve("acme/m", "dev", "a.txt")))).isEqualTo("v1");
  }

  @Test
  void putFileOfALargeFileGoesToTheCdn() {
    byte[] big = Fixtures.bytes((int) HubRepo.LFS_THRESHOLD + 1, 8);
    hub.putFile("acme/m", "big.bin", big);

    HttpResponse<byte[]> redirect = Http.get(resolve("acme/m", "main", "big.bin"));
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(header(redirect, "X-Linked-Etag")).isEqualTo("\"" + Fixtures.sha256(big) + "\"");
    assertThat(Http.get(URI.create(header(redirect, "Location"))).body()).isEqualTo(big);
  }

  @Test
  void formerIdRedirectsRelativelyKeepingRevisionPathAndQuery() {
    HttpResponse<byte[]> response = Http.get(URI.create(hub.endpoint() + "/acme/old-name/resolve/v1.0/a.txt?x=1"));

    assertThat(response.statusCode()).isEqualTo(307);
    assertThat(header(response, "Location")).isEqualTo("/acme/m/resolve/v1.0/a.txt?x=1");
    HttpResponse<byte[]> api = Http.get(URI.create(hub.endpoint() + "/api/models/acme/old-name"));
    assertThat(api.statusCode()).isEqualTo(307);
    assertThat(header(api, "Location")).isEqualTo("/api/models/acme/m");
  }

  @Test
  void formerIdOfPrivateRepoRedirectsOnlyCallersWhoMayReadIt() {
    URI old = URI.create(hub.endpoint() + "/acme/private-old/resolve/main/p.txt");

    assertThat(Http.get(old).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> granted = Http.get(old, "Authorization", bearer(TOKEN));
    assertThat(granted.statusCode()).isEqualTo(307);
    assertThat(header(granted, "Location")).isEqualTo("/acme/private/resolve/main/p.txt");
  }

  @Test
  void disabledRepoIs403WithTheHubsMessage() {
    for (URI uri :
        new URI[] {resolve("acme/off", "main", "a.txt"), URI.create(hub.endpoint() + "/api/models/acme/off")}) {
      HttpResponse<byte[]> response = Http.get(uri);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(header(response, "X-Error-Message")).isEqualTo("Access to this resource is disabled.");
    }
  }

  @Test
  void builderRejectsConflictingHistory() {
    assertThatThrownBy(() -> HubRepo.model("acme/x").file("a", "1").file("a", "2"))
        .hasMessageContaining("added twice");
    assertThatThrownBy(() -> HubRepo.model("acme/x").removeFile("a")).hasMessageContaining("no such file");
    assertThatThrownBy(() -> HubRepo.model("acme/x").pullRequest(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HubRepo.model("acme/x").tag("abcdef0")).hasMessageContaining("commit id");
    assertThatThrownBy(() -> LocalHub.builder().repo(HubRepo.model("acme/a").build())
            .repo(HubRepo.model("acme/b").renamedFrom("acme/a").build()))
        .hasMessageContaining("renamed from acme/a");
  }

  @Test
  void sameFileMayChangeAcrossCommits() {
    HubRepo three = HubRepo.model("acme/x").file("a", "1").commitAs("one").file("a", "2").commitAs("two").build();

    assertThat(three.commits()).hasSize(2).doesNotHaveDuplicates();
    assertThat(three.commit("main")).isEqualTo(three.commits().get(1));
  }
}
