package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the engine takes the hub's JSON answers, well-formed or not. */
class RepoApiTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String PLANTED = "ba_planted_in_answer";

  private static RepoApi answering(String body) {
    FileFetcher fetcher = request -> new FetchResponse(request.uri(), 200, FetchHeaders.builder().build(),
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    return new RepoApi(new Pipeline(fetcher, PipelineTest.HUB, "ua/1", false, false), Duration.ofSeconds(1),
        RetryPolicy.none());
  }

  @Test
  void readsRepoInfoTreeAndWhoami() throws IOException {
    RepoApi.RepoInfo info = answering("{\"sha\":\"" + SHA + "\",\"siblings\":[{\"rfilename\":\"a.txt\"},{\"size\":1},"
        + "{\"rfilename\":2}],\"downloads\":123456789012345678901234567890,\"likes\":1.5e3}")
        .info(PipelineTest.ctx(PipelineTest.HUB));
    assertThat(info.sha).isEqualTo(SHA);
    assertThat(info.files).containsExactly("a.txt");

    assertThat(answering("[{\"type\":\"file\",\"path\":\"a\"},{\"type\":\"directory\",\"path\":\"d\"},7]")
        .tree(PipelineTest.ctx(PipelineTest.HUB), SHA).files).containsExactly("a");

    assertThat(answering("{\"name\":\"me\",\"orgs\":[{\"name\":\"o\"}],\"auth\":{\"accessToken\":{\"role\":\"read\"}}}")
        .whoami(PipelineTest.ctx(PipelineTest.HUB)).toString()).contains("me");
  }

  private static final String BLOB_ID = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";
  private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void siblingsWithBlobsGiveEachFilesEtagAndSize() throws IOException {
    RepoApi.RepoInfo info = answering("{\"sha\":\"" + SHA + "\",\"siblings\":["
        + "{\"rfilename\":\"git.json\",\"size\":12,\"blobId\":\"" + BLOB_ID + "\"},"
        + "{\"rfilename\":\"w.bin\",\"size\":9000000000,\"blobId\":\"" + BLOB_ID + "\",\"lfs\":{\"sha256\":\""
        + SHA256 + "\",\"size\":9000000000,\"pointerSize\":134}},"
        + "{\"rfilename\":\"no-blobs.txt\"},"
        + "{\"rfilename\":\"neg.txt\",\"size\":-1,\"blobId\":\"" + BLOB_ID + "\"},"
        + "{\"rfilename\":\"frac.txt\",\"size\":1.5,\"blobId\":\"" + BLOB_ID + "\"},"
        + "{\"rfilename\":\"upper.txt\",\"size\":1,\"blobId\":\"" + BLOB_ID.toUpperCase() + "\"},"
        + "{\"rfilename\":\"badlfs.bin\",\"size\":5,\"blobId\":\"" + BLOB_ID + "\",\"lfs\":{\"sha256\":\"../x\"}},"
        + "{\"rfilename\":\"lfsnotmap.bin\",\"size\":5,\"blobId\":\"" + BLOB_ID + "\",\"lfs\":true}]}")
        .info(PipelineTest.ctx(PipelineTest.HUB));
    assertThat(info.files).hasSize(8);
    assertThat(info.blobs).containsOnlyKeys("git.json", "w.bin");
    assertThat(info.blobs.get("git.json").etag).isEqualTo(BLOB_ID);
    assertThat(info.blobs.get("git.json").size).isEqualTo(12);
    // An LFS file's ETag is its sha256, not the pointer's blob id.
    assertThat(info.blobs.get("w.bin").etag).isEqualTo(SHA256);
    assertThat(info.blobs.get("w.bin").size).isEqualTo(9_000_000_000L);
  }

  @Test
  void treeEntriesGiveEachFilesEtagAndSize() throws IOException {
    RepoApi.Listing tree = answering("[{\"type\":\"file\",\"path\":\"a\",\"oid\":\"" + BLOB_ID + "\",\"size\":3},"
        + "{\"type\":\"file\",\"path\":\"b\",\"oid\":\"" + BLOB_ID + "\",\"size\":7,\"lfs\":{\"oid\":\""
        + SHA256 + "\",\"size\":7,\"pointerSize\":130}},"
        + "{\"type\":\"file\",\"path\":\"c\"}]")
        .tree(PipelineTest.ctx(PipelineTest.HUB), SHA);
    assertThat(tree.files).containsExactly("a", "b", "c");
    assertThat(tree.blobs).containsOnlyKeys("a", "b");
    assertThat(tree.blobs.get("a").etag).isEqualTo(BLOB_ID);
    assertThat(tree.blobs.get("b").etag).isEqualTo(SHA256);
    assertThat(tree.blobs.get("b").size).isEqualTo(7);
  }

  @Test
  void aMalformedAnswerIsAHubExceptionThatDoesNotQuoteIt() {
    for (String body : new String[] {"", "<html>" + PLANTED + "</html>", "{\"sha\":\"" + PLANTED,
        "{\"sha\":\"" + SHA + "\"} " + PLANTED, "{\"sha\":" + PLANTED + "}", "[".repeat(10_000)}) {
      assertThatThrownBy(() -> answering(body).info(PipelineTest.ctx(PipelineTest.HUB))).as(body)
          .isInstanceOf(HubException.class)
          .hasMessageContaining("without valid JSON (malformed JSON at offset ")
          .hasMessageContaining("a proxy may be answering")
          .hasMessageNotContaining(PLANTED);
    }
  }

  @Test
  void wellFormedAnswersOfTheWrongShapeAreHubExceptions() {
    for (String body : new String[] {"[]", "\"x\"", "null", "{\"sha\":1}", "{\"sha\":\"short\"}"}) {
      assertThatThrownBy(() -> answering(body).info(PipelineTest.ctx(PipelineTest.HUB))).as(body)
          .isInstanceOf(HubException.class).hasMessageContaining("The hub at ");
    }
    assertThatThrownBy(() -> answering("{}").tree(PipelineTest.ctx(PipelineTest.HUB), SHA))
        .isInstanceOf(HubException.class).hasMessageContaining("a JSON array of tree entries");
  }
}
