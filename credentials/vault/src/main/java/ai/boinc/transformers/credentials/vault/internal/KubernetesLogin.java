package ai.boinc.transformers.credentials.vault.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kubernetes login ({@code POST auth/<mount>/login} with {@code role} and the service account
 * JWT). The JWT file is read at every login: projected service account tokens rotate.
 */
public final class KubernetesLogin implements LoginMethod {
  public static final Path DEFAULT_JWT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private final String mount;
  private final String role;
  private final Path jwtFile;

  public KubernetesLogin(String mount, String role, Path jwtFile) {
    this.mount = mount;
    this.role = role;
    this.jwtFile = jwtFile;
  }

  public KubernetesLogin withMount(String newMount) {
    return new KubernetesLogin(newMount, role, jwtFile);
  }

  @Override
  public String describe() {
    return "Kubernetes login as role '" + role + "' at auth/" + mount;
  }

  @Override
  public boolean canObtainAgain() {
    return true;
  }

  @Override
  public SessionToken obtain(VaultEndpoint endpoint, Instant now) {
    String jwt = SecretFiles.read(endpoint, jwtFile, "the Kubernetes service account token",
        "Mount the service account token into the pod (automountServiceAccountToken) or set"
            + " BA_VAULT_K8S_JWT_PATH to a projected token file.");
    Map<String, String> body = new LinkedHashMap<>();
    body.put("role", role);
    body.put("jwt", jwt);
    return AuthLogin.login(endpoint, mount, body, describe(),
        "Check that the Vault role '" + role + "' exists at auth/" + mount + " and is bound to this pod's"
            + " service account and namespace, and that Vault can verify the token (token reviewer).",
        now);
  }

  @Override
  public String toString() {
    return describe();
  }
}
