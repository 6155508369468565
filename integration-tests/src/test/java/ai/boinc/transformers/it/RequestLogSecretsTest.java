package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.vault.VaultAuth;
import ai.boinc.transformers.credentials.vault.VaultCredentialSource;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.RetryPolicy;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.LocalVault;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import ai.boinc.transformers.testkit.LogCapture;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import ai.boinc.transformers.transport.okhttp.OkHttpFileFetcher;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every log record of every logger, at level ALL, over the success and failure paths of the hub,
 * its CDN and Vault, with both transports: the request log is there, and no secret is.
 */
class RequestLogSecretsTest {
  static final String GATED = "meta-llama/Llama-2-7b-ba";
  static final String APPROVED = "ba_approved_0123456789abcdef";
  static final String NOT_APPROVED = "ba_stranger_0123456789abcdef";
  static final String UNKNOWN = "ba_unknown_0123456789abcdef";
  static final String SECRET_ID = "5e1f0c2a-secret-id-9d3b";
  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLW9mLWp3dA";
  /** A signed CDN URL's signature value: anything but the mask after {@code sig=}. */
  static final Pattern UNMASKED_SIGNATURE = Pattern.compile("(?i)[?&](sig|signature|x-amz-signature)=(?!\\*\\*\\*)");

  /**
   * Loggers that print whole request URLs, which the SDK cannot change: the JDK HttpClient's own
   * debug log (enabled by any level below INFO on it, see the README's warning) and the emulators'
   * server, which is not in a user's process. Signed CDN URLs (short-lived) appear there; tokens,
   * Vault tokens, secret ids, JWTs and credential headers are checked in every logger all the same.
   */
  static final Set<String> URL_PRINTERS = Set.of("jdk.internal.httpclient.debug", "com.sun.net.httpserver");

  @TempDir Path dir;
  LogCapture logs;

  @BeforeEach
  void captureEverything() {
    logs = LogCapture.everything();
  }

  @AfterEach
  void release() {
    logs.close();
  }

  static FileFetcher transport(String name) {
    return name.equals("okhttp") ? OkHttpFileFetcher.create() : JdkFileFetcher.create();
  }

  Hub hub(URI endpoint, FileFetcher fetcher, String token) {
    Map<String, String> env = token == null ? Map.of() : Map.of("BA_ACCESS_TOKEN", token);
    return Hub.builder()
        .settings(HubSettings.builder().endpoint(endpoint).cacheDir(dir.resolve("cache")).build())
        .credentials(CredentialChain.of(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", env)))
        .fileFetcher(fetcher)
        .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5)).build())
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "okhttp"})
  void hubAndCdnRequestsAreLoggedWithoutTokensOrSignatures(String transport) throws Exception {
    byte[] weights = HubRepo.virtualBytes(7, 0, 300_000);
    try (LocalHub localHub = LocalHub.builder()
        .repo(HubRepo.model(GATED).gated().file("tokenizer.json", "{}").lfsFile("model.bin", weights).build())
        .token(APPROVED, "approved", GATED)
        .token(NOT_APPROVED, "stranger")
        .start()) {
      FileFetcher fetcher = transport(transport);
      Hub approved = hub(localHub.endpoint(), fetcher, APPROVED);

      approved.download(GATED, "tokenizer.json");                              // small file from the hub
      localHub.addFault(Fault.status(503).forPath("/" + GATED + "/resolve/"));  // a retry
      localHub.addFault(Fault.cutAfterBytes(1000).onCdn());                     // a cut body, then a resume
      assertThat(approved.download(GATED, "model.bin")).hasBinaryContent(weights);
      approved.whoami();
      catchThrowable(() -> approved.download(GATED, "missing.json"));                   // 404
      catchThrowable(() -> hub(localHub.endpoint(), fetcher, null).download(GATED, "config.json"));   // gated, no token
      catchThrowable(() -> hub(localHub.endpoint(), fetcher, UNKNOWN).download(GATED, "config.json")); // 401
      catchThrowable(() -> hub(localHub.endpoint(), fetcher, NOT_APPROVED).download(GATED, "config.json")); // 403
      catchThrowable(() -> hub(localHub.endpoint(), fetcher, UNKNOWN).whoami());
      catchThrowable(() -> hub(closedPort(), fetcher, APPROVED).download(GATED, "x.json")); // unreachable

      List<String> lines = requestLines();
      String cdn = "hub GET " + localHub.cdnEndpoint().getScheme() + "://" + localHub.cdnEndpoint().getAuthority();
      assertThat(lines)
          .anySatisfy(l -> assertThat(l).startsWith("hub HEAD " + localHub.endpoint()).contains("-> 200", "attempt 1"))
          .anySatisfy(l -> assertThat(l).contains("-> 503", "attempt 1"))
          .anySatisfy(l -> assertThat(l).contains("-> 302", "attempt 2"))
          .anySatisfy(l -> assertThat(l).startsWith(cdn).contains("sig=***", "-> 200", "body failed"))
          .anySatisfy(l -> assertThat(l).startsWith(cdn).contains("-> 206"))
          .anySatisfy(l -> assertThat(l).contains("-> 401"))
          .anySatisfy(l -> assertThat(l).contains("-> 403"))
          .anySatisfy(l -> assertThat(l).contains("-> 404"))
          .anySatisfy(l -> assertThat(l).contains("failed after", "ConnectException"));
      assertNoSecretIn(List.of(APPROVED, NOT_APPROVED, UNKNOWN));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "okhttp"})
  void vaultRequestsAreLoggedWithoutVaultTokensSecretIdsOrJwts(String transport) throws Exception {
    try (LocalVault vault = LocalVault.start()) {
      vault.kv2().put("hub", Map.of("token", APPROVED));
      String issued = vault.issueToken(LocalVaultTokenSpec.defaults());
      vault.addAppRole("approle", "ci-role", SECRET_ID, LocalVaultTokenSpec.defaults());
      vault.addKubernetesRole("kubernetes", "reader", JWT, LocalVaultTokenSpec.defaults());
      Path jwtFile = Files.writeString(dir.resolve("jwt"), JWT);
      FileFetcher fetcher = transport(transport);
      List<VaultAuth> auths = List.of(VaultAuth.token(vault.rootToken()), VaultAuth.token(issued),
          VaultAuth.appRole("ci-role", SECRET_ID), VaultAuth.kubernetes("reader", jwtFile));

      for (VaultAuth auth : auths) {
        assertThat(source(vault, fetcher, auth, "hub").resolve()).map(AccessToken::reveal).contains(APPROVED);
      }
      catchThrowable(() -> source(vault, fetcher, VaultAuth.token(issued), "absent").resolve());           // 404
      catchThrowable(() -> source(vault, fetcher, VaultAuth.token("hvs.not-a-real-token-0123"), "hub").resolve()); // 403
      catchThrowable(() -> source(vault, fetcher, VaultAuth.appRole("ci-role", "wrong-" + SECRET_ID), "hub").resolve());
      vault.seal();
      catchThrowable(() -> source(vault, fetcher, VaultAuth.token(issued), "hub").resolve());             // 503

      List<String> lines = requestLines();
      assertThat(lines)
          .anySatisfy(l -> assertThat(l).startsWith("vault GET " + vault.address()).contains("-> 200"))
          .anySatisfy(l -> assertThat(l).startsWith("vault POST ").contains("/v1/auth/approle/login", "-> 200"))
          .anySatisfy(l -> assertThat(l).contains("/v1/auth/kubernetes/login", "-> 200"))
          .anySatisfy(l -> assertThat(l).contains("-> 403"))
          .anySatisfy(l -> assertThat(l).contains("-> 503"));
      assertNoSecretIn(List.of(APPROVED, vault.rootToken(), issued, "hvs.not-a-real-token-0123", SECRET_ID, JWT,
          JWT.substring(JWT.lastIndexOf('.') + 1)));
    }
  }

  VaultCredentialSource source(LocalVault vault, FileFetcher fetcher, VaultAuth auth, String path) {
    return VaultCredentialSource.builder().fileFetcher(fetcher).address(vault.address()).clock(vault.clock())
        .path(path).auth(auth).build();
  }

  static URI closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  /** The request log's lines, after checking that each is at DEBUG. */
  List<String> requestLines() {
    assertThat(logs.records()).filteredOn(record -> record.getLoggerName().equals("ai.boinc.transformers.http"))
        .allSatisfy(record -> assertThat(record.getLevel()).isEqualTo(Level.FINE)); // System.Logger's DEBUG
    return logs.messages("ai.boinc.transformers.http");
  }

  /** Every record of every logger: message, parameters and the stack traces it carries. */
  void assertNoSecretIn(List<String> secrets) {
    List<LogRecord> records = logs.records();
    List<String> texts = logs.texts();
    assertThat(records).isNotEmpty();
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String all = texts.get(i);
      String lower = all.toLowerCase(Locale.ROOT);
      boolean leak = secrets.stream().anyMatch(all::contains) || lower.contains("authorization: ")
          || lower.contains("x-vault-token: ") || all.contains("eyJ")
          || (!URL_PRINTERS.contains(records.get(i).getLoggerName()) && UNMASKED_SIGNATURE.matcher(all).find());
      if (leak) {
        leaks.add(all.length() > 400 ? all.substring(0, 400) + "..." : all);
      }
    }
    assertThat(leaks).as("log records with a secret").isEmpty();
  }
}
