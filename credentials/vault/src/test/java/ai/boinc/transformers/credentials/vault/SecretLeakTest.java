package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.file.TokenFileCredentialSource;
import ai.boinc.transformers.testkit.LocalVaultFault;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import ai.boinc.transformers.testkit.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every source through success and each failure with all logging on, then looks for any
 * secret — hub tokens, Vault tokens, secret ids, JWTs — in log records, exception messages, stack
 * traces and the {@code toString()} of everything the SDK handed back.
 */
class SecretLeakTest {
  private static final String HUB_ENV = "ba_LEAK_env_0123456789";
  private static final String HUB_FILE = "ba_LEAK_file_0123456789";
  private static final String HUB_VAULT = "ba_LEAK_vault_0123456789";
  private static final String ROLE_ID = "LEAK-role-id-0123456789";
  private static final String SECRET_ID = "LEAK-secret-id-0123456789";
  private static final String WRONG_SECRET_ID = "LEAK-wrong-secret-id-987";
  private static final String JWT = "eyJLEAK.jwt-payload-0123456789.sig";
  private static final String WRONG_JWT = "eyJLEAK.wrong-jwt-987.sig";

  @TempDir Path dir;
  private final VaultFixture fx = new VaultFixture();
  private LogCapture logs;
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void captureAllLogging() {
    logs = LogCapture.everything();
  }

  @AfterEach
  void restore() {
    logs.close();
    fx.close();
  }

  @Test
  void noSecretAppearsAnywhere() throws Exception {
    fx.vault.kv2().put("hub", Map.of("token", HUB_VAULT));
    fx.vault.addAppRole("approle", ROLE_ID, SECRET_ID,
        LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(30)).maxTtl(Duration.ofMinutes(50)));
    fx.vault.addKubernetesRole("kubernetes", "reader", JWT, LocalVaultTokenSpec.defaults().renewable(false)
        .ttl(Duration.ofMinutes(10)));
    String vaultToken = fx.vault.issueToken(LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(30)));
    Path jwtFile = Files.writeString(dir.resolve("jwt"), JWT);
    Path wrongJwtFile = Files.writeString(dir.resolve("wrong-jwt"), WRONG_JWT);
    Path tokenFile = Files.writeString(dir.resolve("token"), HUB_FILE + "\n");
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--")); // warning

    // env: success and a malformed value
    run(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", HUB_ENV)));
    run(EnvironmentCredentialSource.of("BA_ACCESS_TOKEN", Map.of("BA_ACCESS_TOKEN", HUB_ENV + " x")));
    // file: success with a warning, a directory, a malformed line, a write
    run(TokenFileCredentialSource.of(tokenFile));
    run(TokenFileCredentialSource.of(dir));
    run(TokenFileCredentialSource.of(Files.writeString(dir.resolve("bad"), HUB_FILE + " extra\n")));
    var written = TokenFileCredentialSource.of(dir.resolve("written/token"));
    written.write(ai.boinc.transformers.credentials.AccessToken.of(HUB_FILE));
    run(written);

    // vault: each auth, renewal, re-login, and each failure
    var byToken = source(VaultAuth.token(vaultToken));
    var byAppRole = source(VaultAuth.appRole(ROLE_ID, SECRET_ID));
    var byKubernetes = source(VaultAuth.kubernetes("reader", jwtFile));
    for (int step = 0; step < 4; step++) {
      run(byToken);
      run(byAppRole);
      run(byKubernetes);
      fx.vault.advance(Duration.ofMinutes(21));
    }
    fx.vault.revokeLoginTokens();
    run(byAppRole);
    run(source(VaultAuth.appRole(ROLE_ID, WRONG_SECRET_ID)));
    run(source(VaultAuth.kubernetes("reader", wrongJwtFile)));
    run(source(VaultAuth.token(fx.vault.issueToken(LocalVaultTokenSpec.defaults().policies("none")))));
    run(fx.builder().path("missing").auth(VaultAuth.appRole(ROLE_ID, SECRET_ID)).build());
    run(fx.builder().path("hub").field("absent").auth(VaultAuth.token(vaultToken)).build());
    for (LocalVaultFault fault : LocalVaultFault.values()) {
      fx.vault.fault("secret/data/hub", fault);
      run(source(VaultAuth.appRole(ROLE_ID, SECRET_ID)));
    }
    fx.vault.respond("secret/data/hub", 403, "{\"errors\":[\"denied for " + SECRET_ID + "\"]}");
    run(source(VaultAuth.appRole(ROLE_ID, SECRET_ID)));
    fx.vault.clearFaults();
    fx.vault.seal();
    run(byToken);
    run(source(VaultAuth.token(vaultToken)));
    fx.vault.unseal();

    // the chain, from the environment
    Map<String, String> env = new HashMap<>();
    env.put("BA_TOKEN_PATH", dir.resolve("none").toString());
    env.put("BA_VAULT_SECRET_PATH", "hub");
    env.put("VAULT_ADDR", fx.vault.address().toString());
    env.put("BA_VAULT_ROLE_ID", ROLE_ID);
    env.put("BA_VAULT_SECRET_ID", SECRET_ID);
    CredentialChain chain = CredentialChain.discover(env, getClass().getClassLoader());
    run(chain);
    outputs.add(String.valueOf(chain.resolveWithSource()));
    env.put("VAULT_TOKEN", vaultToken);
    env.put("BA_VAULT_AUTH", "token");
    run(CredentialChain.discover(env, getClass().getClassLoader()));
    outputs.add(VaultAuth.appRole(ROLE_ID, SECRET_ID).toString());
    outputs.add(VaultAuth.kubernetes("reader", jwtFile).toString());
    outputs.add(VaultAuth.token(vaultToken).toString());
    fx.sent.forEach(request -> outputs.add(request.toString()));
    fx.vault.requests().forEach(request -> outputs.add(request.toString()));

    Set<String> secrets = new LinkedHashSet<>(List.of(HUB_ENV, HUB_FILE, HUB_VAULT, ROLE_ID, SECRET_ID,
        WRONG_SECRET_ID, JWT, WRONG_JWT, vaultToken, fx.vault.rootToken()));
    fx.vault.requests().forEach(r -> r.header("X-Vault-Token").ifPresent(secrets::add));
    assertThat(secrets).hasSizeGreaterThan(12); // login tokens were issued and used

    SimpleFormatter formatter = new SimpleFormatter();
    List<LogRecord> records = logs.records();
    for (LogRecord record : records) {
      outputs.add(formatter.format(record));
    }
    assertThat(records).anySatisfy(r -> assertThat(r.getMessage()).contains("Obtained a Vault token"));
    assertThat(records).anySatisfy(r -> assertThat(formatter.formatMessage(r)).contains("chmod 600"));
    assertThat(outputs).hasSizeGreaterThan(50);
    for (String output : outputs) {
      for (String secret : secrets) {
        assertThat(output).as("an output").doesNotContain(secret);
      }
    }
  }

  private VaultCredentialSource source(VaultAuth auth) {
    return fx.builder().path("hub").maxAge(Duration.ofSeconds(1)).auth(auth).build();
  }

  private void run(CredentialSource source) {
    outputs.add(source.toString());
    outputs.add(source.describe());
    try {
      outputs.add(String.valueOf(source.resolve()));
      outputs.add(String.valueOf(source.resolveWithSource()));
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      outputs.add(e.toString());
      outputs.add(trace.toString());
    }
  }
}
