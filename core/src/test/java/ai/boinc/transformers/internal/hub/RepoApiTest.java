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
        .tree(PipelineTest.ctx(PipelineTest.HUB), SHA)).containsExactly("a");

    assertThat(answering("{\"name\":\"me\",\"orgs\":[{\"name\":\"o\"}],\"auth\":{\"accessToken\":{\"role\":\"read\"}}}")
        .whoami(PipelineTest.ctx(PipelineTest.HUB)).toString()).contains("me");
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
