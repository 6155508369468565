package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Fixtures.CONFIG;
import static ai.boinc.transformers.testkit.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalHubResolveTest {
  static final byte[] WEIGHTS = Fixtures.bytes(300_000, 1);
  static final byte[] BIG = Fixtures.bytes((int) HubRepo.LFS_THRESHOLD + 1, 2);

  static LocalHub hub;

  @BeforeAll
  static void start() {
    hub =
        LocalHub.builder()
            .repo(
                HubRepo.model("acme/public")
                    .file("config.json", CONFIG)
                    .file("dir/a b?.txt", "odd name")
                    .file("empty.txt", new byte[0])
                    .file("big.bin", BIG)
                    .lfsFile("model.bin", WEIGHTS)
                    .branch("refs/pr/1")
                    .branch("feature/x")
                    .tag("v1.0")
                    .build())
            .repo(HubRepo.dataset("acme/data").file("train.csv", "a,b\n").build())
            .repo(HubRepo.space("acme/app").file("app.py", "print(1)\n").build())
            .repo(HubRepo.model("gpt2").file("config.json", CONFIG).build())
            .start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  URI resolve(String repo, String revision, String path) {
    return URI.create(hub.endpoint() + "/" + repo + "/resolve/" + revision + "/" + path);
  }

  @Test
  void endpointsAreLoopbackOnDifferentPortsWithoutTrailingSlash() {
    assertThat(hub.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(hub.cdnEndpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(hub.cdnEndpoint().getPort()).isNotEqualTo(hub.endpoint().getPort());
  }

  @Test
  void plainFileIsServedDirectlyWithGitBlobEtagAndCommit() {
    byte[] config = CONFIG.getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = Http.get(resolve("acme/public", "main", "config.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(config);
    assertThat(header(response, "X-Repo-Commit")).isEqualTo(hub.commit("acme/public")).matches("[0-9a-f]{40}");
    assertThat(header(response, "ETag")).isEqualTo("\"" + Fixtures.gitBlobId(config) + "\"");
    assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(config.length));
    assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(response, "Content-Type")).startsWith("application/json");
  }

  @Test
  void headAnswersTheSameHeadersWithoutBody() {
    HttpResponse<byte[]> get = Http.get(resolve("acme/public", "main", "config.json"));
    HttpResponse<byte[]> head = Http.head(resolve("acme/public", "main", "config.json"));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    for (String name : List.of("X-Repo-Commit", "ETag", "Content-Length", "Accept-Ranges", "Content-Type")) {
      assertThat(header(head, name)).as(name).isEqualTo(header(get, name));
    }
  }

  @Test
  void gitBlobIdMatchesGitHashObject() {
    // `printf 'hello\n' | git hash-object --stdin`
    assertThat(Fixtures.gitBlobId("hello\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
  }

  @Test
  void emptyFileIsServedWithZeroLength() {
    HttpResponse<byte[]> response = Http.get(resolve("acme/public", "main", "empty.txt"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(header(response, "Content-Length")).isEqualTo("0");
    assertThat(header(response, "ETag")).isEqualTo("\"e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\"");
  }

  @Test
  void lfsFileRedirectsToCdnWithLinkedEtagAndSize() {
    for (HttpResponse<byte[]> response :
        List.of(Http.head(resolve("acme/public", "main", "model.bin")),
            Http.get(resolve("acme/public", "main", "model.bin")))) {
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(header(response, "Location"))
          .startsWith(hub.cdnEndpoint() + "/blobs/" + Fixtures.sha256(WEIGHTS) + "?");
      assertThat(header(response, "X-Linked-Etag")).isEqualTo("\"" + Fixtures.sha256(WEIGHTS) + "\"");
      assertThat(header(response, "X-Linked-Size")).isEqualTo(Integer.toString(WEIGHTS.length));
      assertThat(header(response, "X-Repo-Commit")).isEqualTo(hub.commit("acme/public"));
      assertThat(header(response, "Content-Length")).isEqualTo("0");
      assertThat(header(response, "ETag")).isNotEqualTo(header(response, "X-Linked-Etag"));
      assertThat(response.headers().firstValue("X-Xet-Hash")).isEmpty();
      assertThat(response.body()).isEmpty();
    }
  }

  @Test
  void cdnServesLfsBytesWithItsOwnEtag() {
    URI location = URI.create(header(Http.head(resolve("acme/public", "main", "model.bin")), "Location"));
    HttpResponse<byte[]> response = Http.get(location);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(WEIGHTS);
    assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(response, "ETag")).isNotNull().isNotEqualTo("\"" + Fixtures.sha256(WEIGHTS) + "\"");
  }

  @Test
  void filesOverOneMebibyteAreLfs() {
    HttpResponse<byte[]> response = Http.head(resolve("acme/public", "main", "big.bin"));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(header(response, "X-Linked-Etag")).isEqualTo("\"" + Fixtures.sha256(BIG) + "\"");
  }

  @Test
  void cdnRejectsUnsignedOrTamperedUrls() {
    URI location = URI.create(header(Http.head(resolve("acme/public", "main", "model.bin")), "Location"));
    URI unsigned = URI.create(hub.cdnEndpoint() + location.getRawPath());
    URI tampered = URI.create(location.toString().replaceAll("sig=[0-9a-f]", "sig=x"));

    assertThat(Http.get(unsigned).statusCode()).isEqualTo(403);
    assertThat(Http.get(tampered).statusCode()).isEqualTo(403);
  }

  @Test
  void rangeOnCdnAnswers206WithContentRange() {
    URI location = URI.create(header(Http.head(resolve("acme/public", "main", "model.bin")), "Location"));
    int total = WEIGHTS.length;

    HttpResponse<byte[]> closed = Http.get(location, "Range", "bytes=0-15");
    assertThat(closed.statusCode()).isEqualTo(206);
    assertThat(closed.body()).isEqualTo(Arrays.copyOfRange(WEIGHTS, 0, 16));
    assertThat(header(closed, "Content-Range")).isEqualTo("bytes 0-15/" + total);
    assertThat(header(closed, "Content-Length")).isEqualTo("16");

    HttpResponse<byte[]> open = Http.get(location, "Range", "bytes=1000-");
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(WEIGHTS, 1000, total));
    assertThat(header(open, "Content-Range")).isEqualTo("bytes 1000-" + (total - 1) + "/" + total);

    HttpResponse<byte[]> suffix = Http.get(location, "Range", "bytes=-10");
    assertThat(suffix.statusCode()).isEqualTo(206);
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(WEIGHTS, total - 10, total));
    assertThat(header(suffix, "Content-Range")).isEqualTo("bytes " + (total - 10) + "-" + (total - 1) + "/" + total);

    HttpResponse<byte[]> beyondEnd = Http.get(location, "Range", "bytes=" + total + "-");
    assertThat(beyondEnd.statusCode()).isEqualTo(416);
    assertThat(header(beyondEnd, "Content-Range")).isEqualTo("bytes */" + total);
  }

  @Test
  void rangeOnHubDirectAnswer() {
    byte[] config = CONFIG.getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = Http.get(resolve("acme/public", "main", "config.json"), "Range", "bytes=0-0");

    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.body()).containsExactly(config[0]);
    assertThat(header(response, "Content-Range")).isEqualTo("bytes 0-0/" + config.length);
    assertThat(header(response, "X-Repo-Commit")).isEqualTo(hub.commit("acme/public"));

    HttpResponse<byte[]> unsatisfiable =
        Http.get(resolve("acme/public", "main", "config.json"), "Range", "bytes=999-");
    assertThat(unsatisfiable.statusCode()).isEqualTo(416);
    assertThat(header(unsatisfiable, "Content-Range")).isEqualTo("bytes */" + config.length);
  }

  @Test
  void matchingIfNoneMatchAnswers304() {
    String etag = header(Http.head(resolve("acme/public", "main", "config.json")), "ETag");
    HttpResponse<byte[]> response = Http.get(resolve("acme/public", "main", "config.json"), "If-None-Match", etag);

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(header(response, "ETag")).isEqualTo(etag);
    assertThat(header(response, "X-Repo-Commit")).isEqualTo(hub.commit("acme/public"));
  }

  @Test
  void revisionsResolveByBranchTagCommitAndEncodedSlash() {
    String commit = hub.commit("acme/public");
    for (String revision : List.of("main", "v1.0", commit, "refs%2Fpr%2F1", "feature%2Fx", "refs%2fpr%2f1")) {
      HttpResponse<byte[]> response = Http.head(resolve("acme/public", revision, "config.json"));
      assertThat(response.statusCode()).as(revision).isEqualTo(200);
      assertThat(header(response, "X-Repo-Commit")).as(revision).isEqualTo(commit);
    }
  }

  @Test
  void unencodedSlashInBranchResolvesByLongestKnownRef() {
    HttpResponse<byte[]> response = Http.head(resolve("acme/public", "refs/pr/1", "config.json"));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void encodedFilePathIsDecoded() {
    HttpResponse<byte[]> response = Http.get(resolve("acme/public", "main", "dir/a%20b%3F.txt"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).isEqualTo("odd name");
    assertThat(hub.resolveUri("acme/public", "dir/a b?.txt").getRawPath())
        .isEqualTo("/acme/public/resolve/main/dir/a%20b%3F.txt");
  }

  @Test
  void unknownRevisionIs404RevisionNotFound() {
    HttpResponse<byte[]> response = Http.get(resolve("acme/public", "nope", "config.json"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(header(response, "X-Error-Code")).isEqualTo("RevisionNotFound");
    assertThat(header(response, "X-Error-Message")).isEqualTo("Invalid rev id: nope");
    assertThat(Http.text(response)).isEqualTo("{\"error\":\"Invalid rev id: nope\"}");
  }

  @Test
  void missingFileIs404EntryNotFoundWithCommit() {
    for (HttpResponse<byte[]> response :
        List.of(Http.head(resolve("acme/public", "main", "added_tokens.json")),
            Http.get(resolve("acme/public", "main", "added_tokens.json")))) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(header(response, "X-Error-Code")).isEqualTo("EntryNotFound");
      assertThat(header(response, "X-Repo-Commit")).isEqualTo(hub.commit("acme/public"));
    }
  }

  @Test
  void datasetAndSpacePrefixes() {
    HttpResponse<byte[]> dataset = Http.get(resolve("datasets/acme/data", "main", "train.csv"));
    HttpResponse<byte[]> space = Http.get(resolve("spaces/acme/app", "main", "app.py"));

    assertThat(dataset.statusCode()).isEqualTo(200);
    assertThat(Http.text(dataset)).isEqualTo("a,b\n");
    assertThat(space.statusCode()).isEqualTo(200);
    assertThat(header(space, "X-Repo-Commit")).isEqualTo(hub.commit(HubRepo.Type.SPACE, "acme/app"));
    // A dataset is not a model.
    assertThat(Http.get(resolve("acme/data", "main", "train.csv")).statusCode()).isEqualTo(401);
  }

  @Test
  void canonicalRepoWithoutNamespace() {
    HttpResponse<byte[]> response = Http.get(resolve("gpt2", "main", "config.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "X-Repo-Commit")).isEqualTo(hub.commit("gpt2"));
  }

  @Test
  void unknownPathIs404() {
    assertThat(Http.get(URI.create(hub.endpoint() + "/nothing/here")).statusCode()).isEqualTo(404);
  }
}
