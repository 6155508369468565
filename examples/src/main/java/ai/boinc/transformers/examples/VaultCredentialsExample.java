package ai.boinc.transformers.examples;

import ai.boinc.transformers.credentials.vault.VaultAuth;
import ai.boinc.transformers.credentials.vault.VaultCredentialSource;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import java.util.Arrays;

/**
 * The hub token kept in HashiCorp Vault (KV v2, field {@code token}), read with an AppRole login.
 * The role id and secret id come from the environment, as a platform would inject them:
 *
 * <pre>
 * VAULT_ADDR=https://vault.corp:8200 VAULT_ROLE_ID=... VAULT_SECRET_ID=... java ... VaultCredentialsExample
 * </pre>
 *
 * <p>Without code, the same is configuration only: put {@code transformers-credentials-vault} on
 * the class path and set {@code BA_VAULT_SECRET_PATH}, {@code BA_VAULT_ROLE_ID} and {@code
 * BA_VAULT_SECRET_ID}; the default credential chain then asks Vault after the environment and the
 * token file.
 */
public final class VaultCredentialsExample {
  private VaultCredentialsExample() {}

  public static void main(String[] args) {
    VaultCredentialSource vault = VaultCredentialSource.builder()
        .address(System.getenv("VAULT_ADDR"))
        .mount("secret")
        .path(args.length > 0 ? args[0] : "hub/boinc")
        .field("token")
        .auth(VaultAuth.appRole(System.getenv("VAULT_ROLE_ID"), System.getenv("VAULT_SECRET_ID")))
        .build();

    Hub hub = Hub.builder().credentials(vault).build();
    int[] ids = AutoTokenizer.fromPretrained("meta-llama/Llama-2-7b-ba", hub).encode("Hello world!").ids();

    System.out.println("token from: " + vault.describe());
    System.out.println("ids: " + Arrays.toString(ids));
  }
}
