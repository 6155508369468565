package ai.boinc.transformers.testkit.internal.vault;

import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** An AppRole or Kubernetes auth method mounted at a path. Guarded by the emulator's lock. */
public final class AuthMount {
  public static final String APPROLE = "approle";
  public static final String KUBERNETES = "kubernetes";

  /** One role: its credential (secret id or JWT) and the token it issues. */
  public static final class Role {
    public final String credential;
    public final LocalVaultTokenSpec spec;

    Role(String credential, LocalVaultTokenSpec spec) {
      this.credential = credential;
      this.spec = spec;
    }
  }

  public final String type;
  /** AppRole: by role id; Kubernetes: by role name. */
  public final Map<String, Role> roles = new LinkedHashMap<>();

  public AuthMount(String type) {
    this.type = type;
  }

  public void addRole(String key, String credential, LocalVaultTokenSpec spec) {
    roles.put(key, new Role(credential, spec));
  }
}
