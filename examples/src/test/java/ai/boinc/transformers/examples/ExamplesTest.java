package ai.boinc.transformers.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.LocalVault;
import ai.boinc.transformers.testkit.LocalVaultRequest;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import ai.boinc.transformers.testkit.TestData;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example runs as written, as its own process, against a LocalHub. */
class ExamplesTest {
  static final String REPO = "meta-llama/Llama-2-7b-ba";
  static final String TOKEN = "ba_examples_token";
  static LocalHub hub;

  @TempDir Path work;

  @BeforeAll
  static void start() {
    hub = LocalHub.builder()
        .repo(HubRepo.model(REPO).gated().filesFrom(fixtures().resolve("tokenizers/llama-2")).build())
        .token(TOKEN, "examples", REPO)
        .start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  Map<String, String> env() {
    return Map.of(
        "BA_ENDPOINT", hub.endpoint().toString(),
        "BA_ACCESS_TOKEN", TOKEN,
        "BA_HUB_CACHE", work.resolve("cache").toString());
  }

  @Test
  void gatedTokenizerByHand() throws Exception {
    ExampleProcess run = ExampleProcess.run(GatedTokenizerExample.class, env(), work);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("ids:     " + goldenHelloWorldIds(), "decoded: Hello world!");
  }

  @Test
  void gatedTokenizerWithGuice() throws Exception {
    ExampleProcess run = ExampleProcess.run(GuiceExample.class, env(), work);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("ids: " + goldenHelloWorldIds());
  }

  @Test
  void okHttpTransportWithACustomClient() throws Exception {
    ExampleProcess run = ExampleProcess.run(OkHttpTransportExample.class, env(), work);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("transport=okhttp/", "ids: " + goldenHelloWorldIds());
  }

  @Test
  void vaultCredentialsWithAnAppRoleLogin() throws Exception {
    try (LocalVault vault = LocalVault.start()) {
      vault.kv2().put("hub/boinc", Map.of("token", TOKEN));
      vault.addAppRole("approle", "example-role", "example-secret-id", LocalVaultTokenSpec.defaults());
      Map<String, String> env = new HashMap<>(env());
      env.remove("BA_ACCESS_TOKEN");
      env.put("VAULT_ADDR", vault.address().toString());
      env.put("VAULT_ROLE_ID", "example-role");
      env.put("VAULT_SECRET_ID", "example-secret-id");

      ExampleProcess run = ExampleProcess.run(VaultCredentialsExample.class, env, work);

      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out).contains("token from: HashiCorp Vault", "ids: " + goldenHelloWorldIds());
      assertThat(run.out + run.err).doesNotContain(TOKEN, "example-secret-id");
      assertThat(vault.requests()).extracting(LocalVaultRequest::path).contains("/v1/auth/approle/login");
    }
  }

  @Test
  void aThirdPartyCredentialSourceIsUsedByAddingItsJar() throws Exception {
    Path secrets = work.resolve("secrets.json");
    Files.writeString(secrets, "{\"ba_access_token\": \"" + TOKEN + "\"}");
    Map<String, String> env = new HashMap<>(env());
    env.remove("BA_ACCESS_TOKEN");
    env.put("BA_SECRETS_FILE", secrets.toString());
    env.put("HOME", work.toString());

    ExampleProcess run = ExampleProcess.run(GatedTokenizerExample.class, env, work);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("ids:     " + goldenHelloWorldIds());
  }

  @Test
  void snapshotWithProgress() throws Exception {
    ExampleProcess run = ExampleProcess.run(SnapshotWithProgressExample.class, env(), work);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("start tokenizer.json", "done tokenizer.json", "done tokenizer_config.json",
        "done special_tokens_map.json", "snapshot: " + work.resolve("cache"));
    assertThat(run.out).doesNotContain("SOURCE.md");
  }

  static String goldenHelloWorldIds() throws Exception {
    String first = Files.readAllLines(fixtures().resolve("golden/llama-2.jsonl"), StandardCharsets.UTF_8).get(0);
    int start = first.indexOf("\"ids\":[") + 6;
    return first.substring(start, first.indexOf(']', start) + 1).replace(",", ", ");
  }

  static Path fixtures() {
    return TestData.root();
  }
}
