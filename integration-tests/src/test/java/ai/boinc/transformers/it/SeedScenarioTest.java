package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed: a gated Llama-2 tokenizer from a hub, with BA_ACCESS_TOKEN. */
class SeedScenarioTest {
  static final String REPO = "meta-llama/Llama-2-7b-ba";
  static final String TOKEN = "ba_it_approved_token_1";

  @TempDir Path cache;
  LocalHub localHub;

  @BeforeEach
  void start() {
    localHub = LocalHub.builder()
        .repo(HubRepo.model(REPO).gated().filesFrom(Fixtures.tokenizerDir("llama-2")).build())
        .token(TOKEN, "approved-user", REPO)
        .start();
  }

  @AfterEach
  void stop() {
    localHub.close();
  }

  Hub hub(Map<String, String> env) {
    HubSettings settings = HubSettings.builder().endpoint(localHub.endpoint()).cacheDir(cache).build();
    return Hub.builder()
        .settings(settings)
        .credentials(CredentialChain.of(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", env)))
        .build();
  }

  @Test
  void encodesHelloWorldLikeTheReference() {
    Tokenizer tokenizer = AutoTokenizer.fromPretrained(REPO, hub(Map.of("BA_ACCESS_TOKEN", TOKEN)));

    assertThat(tokenizer.encode("Hello world!").ids())
        .containsExactly(Golden.ids("llama-2", "Hello world!", true));
  }

  @Test
  void theTokenReachesTheHubAndNothingElse() {
    AutoTokenizer.fromPretrained(REPO, hub(Map.of("BA_ACCESS_TOKEN", TOKEN)));

    assertThat(localHub.requests()).isNotEmpty();
    for (RecordedRequest request : localHub.requests()) {
      if (request.origin().equals("hub")) {
        assertThat(request.header("Authorization")).as(request.toString()).contains("Bearer " + TOKEN);
      } else {
        assertThat(request.header("Authorization")).as(request.toString()).isEmpty();
      }
      assertThat(request.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void filesLandInTheSharedCacheLayout() throws Exception {
    Hub hub = hub(Map.of("BA_ACCESS_TOKEN", TOKEN));
    Path file = hub.download(REPO, "tokenizer.json");

    String commit = localHub.commit(REPO);
    Path repoDir = cache.resolve("models--meta-llama--Llama-2-7b-ba");
    assertThat(file).isEqualTo(repoDir.resolve("snapshots").resolve(commit).resolve("tokenizer.json"));
    assertThat(Files.isSymbolicLink(file)).isTrue();
    assertThat(Files.readSymbolicLink(file).isAbsolute()).isFalse();
    assertThat(Files.readString(repoDir.resolve("refs").resolve("main"))).isEqualTo(commit);
    assertThat(Files.readAllBytes(file))
        .isEqualTo(Files.readAllBytes(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json")));
    try (var blobs = Files.list(repoDir.resolve("blobs"))) {
      assertThat(blobs.map(p -> p.getFileName().toString())).allMatch(name -> name.matches("[0-9a-f]{40}|[0-9a-f]{64}"), "a git blob sha1 or an LFS sha256");
    }
    assertThat(cache.resolve("CACHEDIR.TAG")).exists();
  }

  @Test
  void aCachedFileIsNotDownloadedAgainAndACommitPinnedOneNeedsNoRequest() {
    Hub hub = hub(Map.of("BA_ACCESS_TOKEN", TOKEN));
    hub.download(REPO, "tokenizer.json");
    localHub.clearRequests();

    hub.download(REPO, "tokenizer.json");
    assertThat(localHub.requests()).extracting(RecordedRequest::method).containsOnly("HEAD");

    localHub.clearRequests();
    hub.download(REPO, "tokenizer.json", localHub.commit(REPO));
    assertThat(localHub.requests()).isEmpty();
  }

  @Test
  void offlineModeServesTheCacheWithoutRequests() {
    hub(Map.of("BA_ACCESS_TOKEN", TOKEN)).download(REPO, "tokenizer.json");
    localHub.clearRequests();
    Hub offline = Hub.builder()
        .settings(HubSettings.builder().endpoint(localHub.endpoint()).cacheDir(cache).offline(true).build())
        .token(AccessToken.of(TOKEN))
        .credentials(CredentialChain.of())
        .build();

    assertThat(offline.download(REPO, "tokenizer.json")).exists();
    assertThat(localHub.requests()).isEmpty();
  }
}
