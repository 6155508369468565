package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.vault.KvEngine;
import java.util.Map;
import java.util.Objects;

/**
 * A KV secrets engine of a {@link LocalVault}, to put, delete and destroy secrets. Thread-safe
 * (it works under the vault's lock).
 */
public final class LocalVaultMount {
  private final LocalVault vault;
  private final String namespace;
  private final String path;
  private final KvEngine engine;

  LocalVaultMount(LocalVault vault, String namespace, String path, KvEngine engine) {
    this.vault = vault;
    this.namespace = namespace;
    this.path = path;
    this.engine = engine;
  }

  /**
   * Writes {@code data} at {@code secretPath}: replaces it on KV v1, adds a version on KV v2.
   *
   * @return the new version on KV v2, 0 on KV v1
   */
  public int put(String secretPath, Map<String, ?> data) {
    Objects.requireNonNull(data, "data");
    synchronized (vault.state()) {
      return engine.put(LocalVault.trim(secretPath), data, vault.now());
    }
  }

  /** KV v1: removes the secret. KV v2: soft-deletes the versions (the latest when none given). */
  public void delete(String secretPath, int... versions) {
    synchronized (vault.state()) {
      engine.delete(LocalVault.trim(secretPath), vault.now(), versions);
    }
  }

  /** KV v2: destroys the versions (the latest when none given). */
  public void destroy(String secretPath, int... versions) {
    if (engine.kvVersion() != 2) {
      throw new IllegalStateException("only KV v2 versions can be destroyed");
    }
    synchronized (vault.state()) {
      engine.destroy(LocalVault.trim(secretPath), vault.now(), versions);
    }
  }

  public int kvVersion() {
    return engine.kvVersion();
  }

  @Override
  public String toString() {
    return "LocalVaultMount[" + (namespace.isEmpty() ? "" : namespace + "/") + path + ", kv v"
        + engine.kvVersion() + "]";
  }
}
