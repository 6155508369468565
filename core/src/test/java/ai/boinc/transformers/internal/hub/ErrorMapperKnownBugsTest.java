package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.RepoType;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorMapperKnownBugsTest {
  /** The token was found but withheld because the answer came from another origin (a CDN). */
  @Test
  void a401FromAnotherOriginIsNotReportedAsNoTokenFound() {
    FileContext ctx =
        new FileContext(
            URI.create("https://hub.example.com"), RepoType.MODEL, "acme/secret", "model.safetensors", "main",
            Optional.of(new ResolvedToken(AccessToken.of("ba_x"), "environment variable BA_ACCESS_TOKEN")),
            "environment variable BA_ACCESS_TOKEN");
    FetchResponse cdn401 =
        new FetchResponse(URI.create("https://cdn.example/blobs/abc?sig=expired"), 401, FetchHeaders.empty(),
            InputStream.nullInputStream());
    HubException e = ErrorMapper.map(cdn401, ctx, false);
    assertThat(e).isNotInstanceOf(MissingTokenException.class);
    assertThat(e.getMessage()).doesNotContain("none was found");
  }
}
