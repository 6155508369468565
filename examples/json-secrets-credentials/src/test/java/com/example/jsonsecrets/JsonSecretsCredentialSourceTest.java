package com.example.jsonsecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSecretsCredentialSourceTest {
  @TempDir Path dir;

  private Path secrets(String json) throws IOException {
    return Files.writeString(dir.resolve("secrets.json"), json);
  }

  /** An environment that keeps the token file away from the real home directory. */
  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("BA_TOKEN_PATH", dir.resolve("no-token-file").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void readsTheDefaultOrAConfiguredKey() throws IOException {
    Path file = secrets("{\"ba_access_token\":\"ba_json\",\"other\":\"ba_other\"}");
    assertThat(JsonSecretsCredentialSource.fromEnvironment(Map.of("BA_SECRETS_FILE", file.toString())).resolve())
        .contains(AccessToken.of("ba_json"));
    assertThat(JsonSecretsCredentialSource.fromEnvironment(
            Map.of("BA_SECRETS_FILE", file.toString(), "BA_SECRETS_KEY", "other")).resolve())
        .contains(AccessToken.of("ba_other"));
  }

  @Test
  void unconfiguredMissingFileOrKeyIsAbsent() throws IOException {
    assertThat(JsonSecretsCredentialSource.fromEnvironment(Map.of()).resolve()).isEmpty();
    assertThat(JsonSecretsCredentialSource.of(dir.resolve("none.json"), "k").resolve()).isEmpty();
    assertThat(JsonSecretsCredentialSource.of(secrets("{\"x\":\"y\"}"), "ba_access_token").resolve()).isEmpty();
  }

  @Test
  void brokenFilesAreErrorsThatDoNotQuoteTheContent() throws IOException {
    assertThatThrownBy(JsonSecretsCredentialSource.of(secrets("{\"ba_access_token\": ba_unquoted}"), "ba_access_token")::resolve)
        .isInstanceOf(CredentialException.class).hasMessageContaining("not valid JSON").hasMessageNotContaining("ba_unquoted");
    assertThatThrownBy(JsonSecretsCredentialSource.of(secrets("[\"ba_in_array\"]"), "ba_access_token")::resolve)
        .isInstanceOf(CredentialException.class).hasMessageContaining("not a JSON object");
    assertThatThrownBy(JsonSecretsCredentialSource.of(secrets("{\"ba_access_token\": 7}"), "ba_access_token")::resolve)
        .isInstanceOf(CredentialException.class).hasMessageContaining("token string");
  }

  @Test
  void theChainFindsItAfterTheSdkSourcesInOrder() throws IOException {
    Path file = secrets("{\"ba_access_token\":\"ba_third_party\"}");
    var chain = CredentialChain.discover(env("BA_SECRETS_FILE", file.toString()), getClass().getClassLoader());
    assertThat(chain.sources()).extracting(CredentialSource::describe).satisfiesExactly(
        d -> assertThat(d).isEqualTo("environment variable BA_ACCESS_TOKEN"),
        d -> assertThat(d).isEqualTo("file " + dir.resolve("no-token-file")),
        d -> assertThat(d).startsWith("HashiCorp Vault (not configured"),
        d -> assertThat(d).isEqualTo("JSON secrets file " + file + " key 'ba_access_token'"));
    assertThat(chain.resolveWithSource()).get().satisfies(r -> {
      assertThat(r.token()).isEqualTo(AccessToken.of("ba_third_party"));
      assertThat(r.source()).startsWith("JSON secrets file");
    });
  }

  @Test
  void earlierSourcesWin() throws IOException {
    Path file = secrets("{\"ba_access_token\":\"ba_third_party\"}");
    Path tokenFile = Files.writeString(dir.resolve("token"), "ba_token_file\n");
    var withFile = CredentialChain.discover(
        env("BA_SECRETS_FILE", file.toString(), "BA_TOKEN_PATH", tokenFile.toString()), getClass().getClassLoader());
    assertThat(withFile.resolve()).contains(AccessToken.of("ba_token_file"));
    var withEnv = CredentialChain.discover(
        env("BA_SECRETS_FILE", file.toString(), "BA_TOKEN_PATH", tokenFile.toString(), "BA_ACCESS_TOKEN", "ba_env"),
        getClass().getClassLoader());
    assertThat(withEnv.resolve()).contains(AccessToken.of("ba_env"));
  }

  @Test
  void theProviderIsAThirdParty() {
    var provider = new JsonSecretsCredentialSourceProvider();
    assertThat(provider.id()).isEqualTo("json-secrets");
    assertThat(provider.order()).isGreaterThanOrEqualTo(1000);
  }
}
