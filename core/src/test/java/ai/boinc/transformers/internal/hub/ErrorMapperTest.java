package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.GatedRepoException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubHttpException;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.hub.RepositoryNotFoundException;
import ai.boinc.transformers.hub.RevisionNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per row of hub-protocol.md section 7. */
class ErrorMapperTest {
  private static final URI HUB = URI.create("https://hub.example.com");
  private static final String SECRET = "ba_Sup3rS3cretTokenValue";
  private static final String SOURCES = "environment variable BA_ACCESS_TOKEN, token file /home/u/.cache/boincai/token";
  private static final String TOKEN_SOURCE = "token file /home/u/.cache/boincai/token";

  private static FileContext anonymous(String repoId, String filename, String revision) {
    return new FileContext(HUB, RepoType.MODEL, repoId, filename, revision, Optional.empty(), SOURCES);
  }

  private static FileContext withToken(String repoId, String filename, String revision) {
    return new FileContext(
        HUB,
        RepoType.MODEL,
        repoId,
        filename,
        revision,
        Optional.of(new ResolvedToken(AccessToken.of(SECRET), TOKEN_SOURCE)),
        SOURCES);
  }

  private static FetchResponse response(int status, String... nameValues) {
    FetchHeaders.Builder headers = FetchHeaders.builder();
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.add(nameValues[i], nameValues[i + 1]);
    }
    return new FetchResponse(
        URI.create("https://hub.example.com/x/resolve/main/f"), status, headers.build(), InputStream.nullInputStream());
  }

  private static void assertNoSecret(HubException e) {
    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("Sup3rS3cret");
    assertThat(e.toString()).doesNotContain(SECRET);
  }

  @Test
  void gatedWithoutToken401() {
    HubException e =
        ErrorMapper.map(
            response(401, "X-Error-Code", "GatedRepo", "X-Error-Message", "Access to model acme/gated is restricted."),
            anonymous("acme/gated", "config.json", "main"),
            false);
    assertThat(e).isExactlyInstanceOf(GatedRepoException.class).isInstanceOf(RepositoryNotFoundException.class);
    GatedRepoException gated = (GatedRepoException) e;
    assertThat(gated.wasAuthenticated()).isFalse();
    assertThat(gated.repoPage()).isEqualTo(URI.create("https://hub.example.com/acme/gated"));
    assertThat(e.getMessage())
        .contains("'acme/gated'", "'config.json'", "'main'")
        .contains("https://hub.example.com/acme/gated")
        .contains("Request access")
        .contains("BA_ACCESS_TOKEN")
        .contains(SOURCES);
    assertThat(e.repoId()).contains("acme/gated");
    assertThat(e.filename()).contains("config.json");
    assertThat(e.revision()).contains("main");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void gatedWithTokenNotApproved403() {
    HubException e =
        ErrorMapper.map(
            response(
                403,
                "X-Error-Code", "GatedRepo",
                "X-Error-Message", "Access to model acme/gated is restricted and you are not in the authorized list."),
            withToken("acme/gated", "config.json", "main"),
            true);
    assertThat(e).isExactlyInstanceOf(GatedRepoException.class);
    GatedRepoException gated = (GatedRepoException) e;
    assertThat(gated.wasAuthenticated()).isTrue();
    assertThat(gated.repoPage()).isEqualTo(URI.create("https://hub.example.com/acme/gated"));
    assertThat(e.getMessage())
        .contains("'acme/gated'")
        .contains(TOKEN_SOURCE)
        .contains("https://hub.example.com/acme/gated")
        .contains("Request access");
    assertThat(e.filename()).contains("config.json");
    assertThat(e.revision()).contains("main");
    assertNoSecret(e);
  }

  @Test
  void gatedDatasetLinksTheDatasetPage() {
    FileContext ctx =
        new FileContext(HUB, RepoType.DATASET, "acme/gated-ds", "data.parquet", "main", Optional.empty(), SOURCES);
    GatedRepoException e =
        (GatedRepoException) ErrorMapper.map(response(401, "X-Error-Code", "GatedRepo"), ctx, false);
    assertThat(e.repoPage()).isEqualTo(URI.create("https://hub.example.com/datasets/acme/gated-ds"));
    assertThat(e.getMessage()).contains("dataset 'acme/gated-ds'");
  }

  @Test
  void invalidToken401NamesTheTokenSourceAndNeverEchoesTheToken() {
    HubException e =
        ErrorMapper.map(
            response(401, "X-Error-Message", "Invalid credentials in Authorization header: Bearer " + SECRET),
            withToken("acme/public", "config.json", "main"),
            true);
    assertThat(e).isExactlyInstanceOf(InvalidTokenException.class);
    assertThat(e.getMessage())
        .contains(TOKEN_SOURCE)
        .contains("'config.json'", "'acme/public'", "'main'")
        .contains("Invalid credentials in Authorization header")
        .contains("expired or revoked")
        .contains("Create a new access token");
    assertNoSecret(e);
  }

  @Test
  void repoNotFoundAnonymous401IsAMissingToken() {
    HubException e =
        ErrorMapper.map(
            response(401, "X-Error-Code", "RepoNotFound", "X-Error-Message", "Invalid username or password."),
            anonymous("acme/private", "config.json", "main"),
            false);
    assertThat(e).isExactlyInstanceOf(MissingTokenException.class).isInstanceOf(RepositoryNotFoundException.class);
    assertThat(e.getMessage())
        .contains("'acme/private'")
        .contains("private")
        .contains(SOURCES)
        .contains("BA_ACCESS_TOKEN")
        .contains("check the repository id");
  }

  @Test
  void anonymous401WithoutCodeIsAMissingTokenToo() {
    HubException e = ErrorMapper.map(response(401), anonymous("acme/private", "config.json", "main"), false);
    assertThat(e).isExactlyInstanceOf(MissingTokenException.class);
  }

  @Test
  void repoNotFoundWithToken404() {
    HubException e =
        ErrorMapper.map(
            response(404, "X-Error-Code", "RepoNotFound", "X-Error-Message", "Repository not found for " + SECRET),
            withToken("acme/private", "config.json", "main"),
            true);
    assertThat(e).isExactlyInstanceOf(RepositoryNotFoundException.class);
    assertThat(e.getMessage())
        .contains("'acme/private'")
        .contains(TOKEN_SOURCE)
        .contains("https://hub.example.com/acme/private")
        .contains("Check the repository id");
    assertNoSecret(e);
  }

  @Test
  void repoNotFoundWithToken401IsNotAnInvalidToken() {
    HubException e =
        ErrorMapper.map(
            response(401, "X-Error-Code", "RepoNotFound"), withToken("acme/private", "config.json", "main"), true);
    assertThat(e).isExactlyInstanceOf(RepositoryNotFoundException.class);
  }

  @Test
  void revisionNotFound404() {
    HubException e =
        ErrorMapper.map(
            response(404, "X-Error-Code", "RevisionNotFound", "X-Error-Message", "Invalid rev id: v9"),
            withToken("acme/tiny", "config.json", "v9"),
            true);
    assertThat(e).isExactlyInstanceOf(RevisionNotFoundException.class);
    assertThat(e.getMessage())
        .contains("'v9'")
        .contains("'acme/tiny'")
        .contains("branch, tag or commit")
        .contains("https://hub.example.com/acme/tiny");
    assertThat(e.revision()).contains("v9");
    assertNoSecret(e);
  }

  @Test
  void entryNotFound404() {
    HubException e =
        ErrorMapper.map(
            response(404, "X-Error-Code", "EntryNotFound", "X-Repo-Commit", "5f1e0000000000000000000000000000000000c2"),
            anonymous("acme/tiny", "onnx/added_tokens.json", "refs/pr/1"),
            false);
    assertThat(e).isExactlyInstanceOf(EntryNotFoundException.class);
    assertThat(e.getMessage())
        .contains("'onnx/added_tokens.json'")
        .contains("'acme/tiny'")
        .contains("'refs/pr/1'")
        .contains("case-sensitive");
    assertThat(e.filename()).contains("onnx/added_tokens.json");
  }

  @Test
  void rateLimited429IsRetryable() {
    HubException e =
        ErrorMapper.map(
            response(429, "Retry-After", "5", "X-Error-Message", "slow down " + SECRET),
            withToken("acme/tiny", "config.json", "main"),
            true);
    assertThat(e).isExactlyInstanceOf(ai.boinc.transformers.hub.RateLimitedException.class);
    assertThat(((HubHttpException) e).status()).isEqualTo(429);
    assertThat(((ai.boinc.transformers.hub.RateLimitedException) e).retryAfter()).contains(java.time.Duration.ofSeconds(5));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage())
        .contains("429")
        .contains("'config.json'", "'acme/tiny'", "'main'")
        .contains("rate limiting")
        .contains("try again");
    assertNoSecret(e);
  }

  @Test
  void serverError500IsRetryable() {
    HubException e =
        ErrorMapper.map(
            response(500, "X-Error-Message", "Internal Error"), anonymous("acme/tiny", "config.json", "main"), false);
    assertThat(e).isExactlyInstanceOf(HubHttpException.class);
    assertThat(((HubHttpException) e).status()).isEqualTo(500);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage())
        .contains("500")
        .contains("Internal Error")
        .contains("'config.json'", "'acme/tiny'", "'main'")
        .contains("try again later");
  }

  @Test
  void forbiddenWithTokenAsksForPermissions() {
    HubException e =
        ErrorMapper.map(
            response(403, "X-Error-Message", "This token lacks the read scope for " + SECRET),
            withToken("acme/tiny", "config.json", "main"),
            true);
    assertThat(e).isExactlyInstanceOf(HubHttpException.class);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("403", TOKEN_SOURCE, "permissions", "lacks the read scope");
    assertNoSecret(e);
  }

  @Test
  void disabledRepo403() {
    HubException e =
        ErrorMapper.map(
            response(403, "X-Error-Message", "Access to this resource is disabled."),
            anonymous("acme/off", "config.json", "main"),
            false);
    assertThat(e).isExactlyInstanceOf(HubHttpException.class);
    assertThat(e.getMessage()).contains("403", "Access to this resource is disabled.", "'acme/off'");
  }

  @Test
  void theTokenIsScrubbedFromEveryEchoingServerMessage() {
    String echo = "token " + SECRET + " rejected; you sent " + SECRET;
    int[] statuses = {400, 401, 403, 404, 416, 429, 500, 502};
    String[] codes = {"", "GatedRepo", "RepoNotFound", "RevisionNotFound", "EntryNotFound", "Unknown"};
    for (int status : statuses) {
      for (String code : codes) {
        for (boolean sent : new boolean[] {true, false}) {
          HubException e =
              ErrorMapper.map(
                  response(status, "X-Error-Code", code, "X-Error-Message", echo),
                  withToken("acme/tiny", "config.json", "main"),
                  sent);
          assertThat(e.getMessage()).as("status %s code %s sent %s", status, code, sent).doesNotContain(SECRET);
        }
      }
    }
  }

  @Test
  void longServerMessagesAreCut() {
    String longMessage = "x".repeat(1000);
    HubException e =
        ErrorMapper.map(response(500, "X-Error-Message", longMessage), anonymous("a/b", "c", "main"), false);
    assertThat(e.getMessage()).doesNotContain("x".repeat(301)).contains("x".repeat(300) + "...");
  }

  @Test
  void fileContextToStringHasNoToken() {
    FileContext ctx = withToken("acme/tiny", "config.json", "main");
    assertThat(ctx.toString()).contains("'config.json' of model 'acme/tiny' at revision 'main'").doesNotContain(SECRET);
  }
}
