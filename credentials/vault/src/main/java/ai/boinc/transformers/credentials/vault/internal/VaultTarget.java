package ai.boinc.transformers.credentials.vault.internal;

/** Which KV secret and field hold the hub token. Immutable. */
public final class VaultTarget {
  public final String mount;
  public final String path;
  public final String field;
  public final int kvVersion;
  /** KV v2 version to read; 0 for the latest. */
  public final int secretVersion;

  public VaultTarget(String mount, String path, String field, int kvVersion, int secretVersion) {
    this.mount = mount;
    this.path = path;
    this.field = field;
    this.kvVersion = kvVersion;
    this.secretVersion = secretVersion;
  }

  /** The path after {@code /v1/}, percent-encoded. */
  String apiPath() {
    String encoded = VaultEndpoint.encodePath(path);
    return VaultEndpoint.encodePath(mount) + (kvVersion == 2 ? "/data/" : "/") + encoded;
  }

  /** The API path for messages, e.g. {@code secret/data/boincai/hub}. */
  public String displayPath() {
    return mount + (kvVersion == 2 ? "/data/" : "/") + path;
  }

  String query() {
    return kvVersion == 2 && secretVersion > 0 ? "version=" + secretVersion : null;
  }

  /** "field 'token' of KV v2 secret 'boincai/hub' (version 3) at mount 'secret'". */
  public String describe() {
    return "field '" + field + "' of KV v" + kvVersion + " secret '" + path + "'"
        + (secretVersion > 0 ? " (version " + secretVersion + ")" : "") + " at mount '" + mount + "'";
  }
}
