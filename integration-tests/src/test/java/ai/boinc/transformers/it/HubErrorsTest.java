package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.GatedRepoException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.RepositoryNotFoundException;
import ai.boinc.transformers.hub.RevisionNotFoundException;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure of the seed scenario has its own type and a message with the next step. */
class HubErrorsTest {
  static final String GATED = "meta-llama/Llama-2-7b-ba";
  static final String PRIVATE = "acme/secret-model";
  static final String APPROVED = "ba_approved_for_everything";
  static final String NOT_APPROVED = "ba_valid_but_not_approved";
  static final String UNKNOWN = "ba_this_token_does_not_exist";

  @TempDir Path cache;
  LocalHub localHub;

  @BeforeEach
  void start() {
    localHub = LocalHub.builder()
        .repo(HubRepo.model(GATED).gated().file("tokenizer.json", "{}").build())
        .repo(HubRepo.model(PRIVATE).privateRepo().file("config.json", "{}").build())
        .token(APPROVED, "approved", GATED, PRIVATE)
        .token(NOT_APPROVED, "stranger")
        .start();
  }

  @AfterEach
  void stop() {
    localHub.close();
  }

  Hub hub(String token) {
    return hub(localHub.endpoint(), token);
  }

  Hub hub(URI endpoint, String token) {
    Map<String, String> env = token == null ? Map.of() : Map.of("BA_ACCESS_TOKEN", token);
    return Hub.builder()
        .settings(HubSettings.builder().endpoint(endpoint).cacheDir(cache).build())
        .credentials(CredentialChain.of(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", env)))
        .retryPolicy(ai.boinc.transformers.hub.RetryPolicy.builder()
            .baseDelay(java.time.Duration.ofMillis(5)).maxDelay(java.time.Duration.ofMillis(20)).build())
        .build();
  }

  @Test
  void gatedWithoutTokenSaysItIsGatedWhereToAskAndWhereWeLooked() {
    var e = catchThrowableOfType(GatedRepoException.class, () -> hub(null).download(GATED, "tokenizer.json"));

    assertThat(e.wasAuthenticated()).isFalse();
    assertThat(e.repoPage()).isEqualTo(URI.create(localHub.endpoint() + "/" + GATED));
    assertThat(e.getMessage())
        .contains(GATED, "gated", e.repoPage().toString(), "BA_ACCESS_TOKEN", "environment variable BA_ACCESS_TOKEN");
    assertNothingPartialIn(cache);
  }

  @Test
  void gatedWithATokenNotApprovedSaysToRequestAccess() {
    var e = catchThrowableOfType(GatedRepoException.class, () -> hub(NOT_APPROVED).download(GATED, "tokenizer.json"));

    assertThat(e.wasAuthenticated()).isTrue();
    assertThat(e.getMessage()).contains(GATED, "Request access", e.repoPage().toString()).doesNotContain(NOT_APPROVED);
  }

  @Test
  void aWrongTokenIsRejectedAndTheMessageNamesItsSourceNotItsValue() {
    var e = catchThrowableOfType(InvalidTokenException.class, () -> hub(UNKNOWN).download(GATED, "tokenizer.json"));

    assertThat(e.getMessage()).contains("environment variable BA_ACCESS_TOKEN", "tokenizer.json", GATED).doesNotContain(UNKNOWN);
    assertNothingPartialIn(cache);
  }

  @Test
  void aPrivateRepoWithoutATokenIsAMissingToken() {
    var e = catchThrowableOfType(MissingTokenException.class, () -> hub(null).download(PRIVATE, "config.json"));

    assertThat(e).isInstanceOf(RepositoryNotFoundException.class);
    assertThat(e.getMessage()).contains(PRIVATE, "BA_ACCESS_TOKEN", "environment variable BA_ACCESS_TOKEN");
  }

  @Test
  void aPrivateRepoTheTokenCannotSeeLooksMissing() {
    var e = catchThrowableOfType(RepositoryNotFoundException.class, () -> hub(NOT_APPROVED).download(PRIVATE, "config.json"));

    assertThat(e).isNotInstanceOf(MissingTokenException.class).isNotInstanceOf(GatedRepoException.class);
    assertThat(e.getMessage()).contains(PRIVATE, "private").doesNotContain(NOT_APPROVED);
  }

  @Test
  void aMissingFileNamesTheFileAndRevision() {
    var e = catchThrowableOfType(EntryNotFoundException.class, () -> hub(APPROVED).download(GATED, "nope.json"));

    assertThat(e.getMessage()).contains("nope.json", GATED, "main");
    assertThat(e.filename()).contains("nope.json");
    assertNothingPartialIn(cache);
  }

  @Test
  void aMissingRevisionNamesTheRevision() {
    var e = catchThrowableOfType(RevisionNotFoundException.class,
        () -> hub(APPROVED).download(GATED, "tokenizer.json", "no-such-branch"));

    assertThat(e.getMessage()).contains("no-such-branch", GATED);
  }

  @Test
  void anUnreachableHubSaysSoAndWhatToCheck() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    var e = catchThrowableOfType(HubUnreachableException.class, () -> hub(closed, APPROVED).download(GATED, "tokenizer.json"));

    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains(closed.toString(), "BA_ENDPOINT", GATED, "tokenizer.json").doesNotContain(APPROVED);
    assertNothingPartialIn(cache);
  }

  @Test
  void offlineWithoutTheFileNamesWhatIsMissing() {
    Hub offline = Hub.builder()
        .settings(HubSettings.builder().endpoint(localHub.endpoint()).cacheDir(cache).offline(true).build())
        .credentials(CredentialChain.of())
        .build();

    var e = catchThrowableOfType(OfflineCacheMissException.class, () -> offline.download(GATED, "tokenizer.json"));
    assertThat(e.getMessage()).contains(GATED, "tokenizer.json", "main");
    assertThat(localHub.requests()).isEmpty();
  }

  @Test
  void noMessageOrStackTraceEverContainsAToken() {
    for (String token : new String[] {null, APPROVED, NOT_APPROVED, UNKNOWN}) {
      for (String[] call : new String[][] {{GATED, "tokenizer.json"}, {PRIVATE, "config.json"}, {GATED, "missing"}}) {
        try {
          hub(token).download(call[0], call[1]);
        } catch (HubException e) {
          var trace = new java.io.StringWriter();
          e.printStackTrace(new java.io.PrintWriter(trace));
          for (String secret : List.of(APPROVED, NOT_APPROVED, UNKNOWN)) {
            assertThat(trace.toString()).doesNotContain(secret);
          }
        }
      }
    }
  }

  static void assertNothingPartialIn(Path cache) {
    if (!Files.exists(cache)) {
      return;
    }
    try (Stream<Path> files = Files.walk(cache)) {
      List<String> leftovers = files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".incomplete") || name.endsWith(".tmp"))
          .collect(Collectors.toList());
      assertThat(leftovers).isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path blobs = cache.resolve("models--meta-llama--Llama-2-7b-ba").resolve("blobs");
    if (Files.exists(blobs)) {
      try (Stream<Path> files = Files.list(blobs)) {
        assertThat(files).isEmpty();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * A hub with the default chain as this module's class path makes it: the environment and Vault
   * sources, without transformers-credentials-file (as in a quick start that left it out).
   */
  Hub hubFromEnvironment(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("BA_ENDPOINT", localHub.endpoint().toString());
    env.put("BA_HUB_CACHE", cache.toString());
    return Hub.builder().environment(env).build();
  }

  @Test
  void gatedSaysWhereToAskTheNextStepAndOneShortLinePerSource() {
    var e = catchThrowableOfType(GatedRepoException.class, () -> hubFromEnvironment(Map.of()).download(GATED, "tokenizer.json"));

    assertThat(e.getMessage())
        .contains("Request access at " + e.repoPage(), "set BA_ACCESS_TOKEN to your access token, or run `ba login`")
        .contains("\nThe token saved by `ba login` is read by ai.boinc.transformers:transformers-credentials-file")
        .endsWith("No access token was found; looked in:\n  - environment variable BA_ACCESS_TOKEN"
            + "\n  - HashiCorp Vault (not configured)")
        .doesNotContain("BA_VAULT_SECRET_PATH");
    assertThat(e.getMessage().split("\n")).allSatisfy(line -> assertThat(line).hasSizeLessThan(200));
  }

  @Test
  void vaultsRecipeOnlyWhenVaultIsPartlyConfigured() {
    var e = catchThrowableOfType(MissingTokenException.class,
        () -> hubFromEnvironment(Map.of("BA_VAULT_ROLE_ID", "ci")).download(PRIVATE, "config.json"));

    assertThat(e.getMessage()).contains("\nIf it is private, set BA_ACCESS_TOKEN", "`ba login`")
        .contains("\n  - environment variable BA_ACCESS_TOKEN\n  - HashiCorp Vault (not configured: set BA_VAULT_SECRET_PATH");
    assertThat(Arrays.stream(e.getMessage().split("\n")).filter(line -> line.startsWith("  - "))).hasSize(2);
  }

  @Test
  void whoamiWithoutATokenGivesTheSameNextStep() {
    var e = catchThrowableOfType(MissingTokenException.class, () -> hubFromEnvironment(Map.of()).whoami());

    assertThat(e.getMessage()).startsWith("Asking the hub who you are needs an access token: set BA_ACCESS_TOKEN")
        .contains("\n  - environment variable BA_ACCESS_TOKEN");
  }
}
