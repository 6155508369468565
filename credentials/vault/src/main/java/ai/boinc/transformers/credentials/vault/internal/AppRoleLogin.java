package ai.boinc.transformers.credentials.vault.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AppRole login ({@code POST auth/<mount>/login} with {@code role_id} and {@code secret_id}). A
 * secret id file is read at every login, so a rotated secret id is picked up.
 */
public final class AppRoleLogin implements LoginMethod {
  private final String mount;
  private final String roleId;
  private final String secretId; // null when read from secretIdFile
  private final Path secretIdFile;

  public AppRoleLogin(String mount, String roleId, String secretId, Path secretIdFile) {
    this.mount = mount;
    this.roleId = roleId;
    this.secretId = secretId;
    this.secretIdFile = secretIdFile;
  }

  public AppRoleLogin withMount(String newMount) {
    return new AppRoleLogin(newMount, roleId, secretId, secretIdFile);
  }

  @Override
  public String describe() {
    return "AppRole login at auth/" + mount;
  }

  @Override
  public boolean canObtainAgain() {
    return true;
  }

  @Override
  public SessionToken obtain(VaultEndpoint endpoint, Instant now) {
    endpoint.redactor().remember(roleId);
    String secret = secretId;
    if (secret == null && secretIdFile != null) {
      secret = SecretFiles.read(endpoint, secretIdFile, "the AppRole secret id",
          "Write the secret id into it, or set BA_VAULT_SECRET_ID_FILE to the right file.");
    }
    endpoint.redactor().remember(secret);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("role_id", roleId);
    if (secret != null) {
      body.put("secret_id", secret);
    }
    return AuthLogin.login(endpoint, mount, body, describe(),
        "Check the role id and secret id (BA_VAULT_ROLE_ID, BA_VAULT_SECRET_ID or BA_VAULT_SECRET_ID_FILE):"
            + " the secret id may have expired or been used up; generate a new one with"
            + " 'vault write -f auth/" + mount + "/role/<role>/secret-id'.",
        now);
  }

  @Override
  public String toString() {
    return describe();
  }
}
