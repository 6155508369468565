package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.vault.VaultException;
import ai.boinc.transformers.credentials.vault.VaultPermissionDeniedException;
import ai.boinc.transformers.credentials.vault.VaultResponseException;
import ai.boinc.transformers.credentials.vault.VaultSecretNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads the hub token from a KV v1 or v2 secret and says how long the answer may be cached. */
public final class SecretReader {
  private final VaultEndpoint endpoint;
  private final VaultTarget target;

  /** The token and how long Vault says it may be kept (zero: Vault did not say). */
  public static final class Secret {
    public final AccessToken token;
    public final Duration ttl;

    Secret(AccessToken token, Duration ttl) {
      this.token = token;
      this.ttl = ttl;
    }
  }

  public SecretReader(VaultEndpoint endpoint, VaultTarget target) {
    this.endpoint = endpoint;
    this.target = target;
  }

  /**
   * Reads the secret with {@code vaultToken}.
   *
   * @throws VaultPermissionDeniedException on 401/403, so the caller may log in again once
   * @throws VaultException for every other failure
   */
  public Secret read(String vaultToken) {
    String operation = "reading the " + target.describe();
    VaultReply reply = endpoint.send(target.apiPath(), target.query(), vaultToken, null, operation);
    if (reply.status == 401 || reply.status == 403) {
      throw new VaultPermissionDeniedException(endpoint.source(), endpoint.where() + " denied " + operation
          + " (" + endpoint.summary(reply) + "). The Vault token may be expired or revoked, or its policy may"
          + " not allow 'read' on " + target.displayPath() + "; grant that in the token's policy or use a"
          + " role that has it.", endpoint.address(), reply.status);
    }
    if (reply.status == 404) {
      throw notFound(reply);
    }
    if (reply.status != 200) {
      throw endpoint.unexpected(reply, operation);
    }
    JsonNode root = endpoint.body(reply, operation);
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      throw endpoint.wrongShape(reply, operation, "an object at $.data", data);
    }
    String dataPath = "$.data";
    Duration ttl = GoDurations.seconds(root.path("lease_duration"));
    if (target.kvVersion == 2) {
      JsonNode inner = data.path("data");
      if (inner.isMissingNode() || inner.isNull()) {
        throw new VaultSecretNotFoundException(endpoint.source(), endpoint.where() + " has no data for the "
            + target.describe() + ": the version holds nothing or was deleted. Write the hub token to it"
            + " (vault kv put " + target.mount + "/" + target.path + " " + target.field + "=...).",
            endpoint.address(), reply.status);
      }
      if (!inner.isObject()) {
        throw endpoint.wrongShape(reply, operation, "an object at $.data.data", inner);
      }
      data = inner;
      dataPath = "$.data.data";
    } else {
      JsonNode ttlNode = data.path("ttl");
      if (ttlNode.isTextual() || ttlNode.canConvertToLong()) {
        Duration own = GoDurations.parse(ttlNode.asText());
        if (!own.isZero() && (ttl.isZero() || own.compareTo(ttl) < 0)) {
          ttl = own;
        }
      }
    }
    return new Secret(field(data, dataPath, reply.status), ttl);
  }

  private AccessToken field(JsonNode data, String dataPath, int status) {
    JsonNode value = data.path(target.field);
    if (value.isMissingNode() || value.isNull()) {
      throw new VaultSecretNotFoundException(endpoint.source(), "The " + target.describe() + " in "
          + endpoint.where() + " does not exist: the secret has the fields " + fieldNames(data)
          + ". Write the hub token under '" + target.field + "' or set the field name (BA_VAULT_FIELD).",
          endpoint.address(), status);
    }
    if (!value.isTextual()) {
      throw new VaultResponseException(endpoint.source(), "The " + target.describe() + " in "
          + endpoint.where() + " is " + VaultEndpoint.kind(value) + " at " + dataPath + "." + target.field
          + ", not a string. Store the hub token as a string.", endpoint.address(), status);
    }
    String text = value.textValue();
    endpoint.redactor().remember(text.strip());
    if (text.isBlank()) {
      throw new VaultSecretNotFoundException(endpoint.source(), "The " + target.describe() + " in "
          + endpoint.where() + " is empty. Write the hub token to it.", endpoint.address(), status);
    }
    try {
      return AccessToken.of(text);
    } catch (IllegalArgumentException e) {
      // AccessToken's message names a position, never the value.
      throw new VaultResponseException(endpoint.source(), "The " + target.describe() + " in "
          + endpoint.where() + " is not an access token: " + e.getMessage() + ". Store the token alone.",
          endpoint.address(), status);
    }
  }

  private VaultException notFound(VaultReply reply) {
    String base = endpoint.where() + " has no " + target.describe() + " (" + endpoint.summary(reply) + ").";
    JsonNode metadata = reply.json().map(root -> root.path("data").path("metadata")).orElse(null);
    if (metadata != null && metadata.isObject()) {
      String deleted = metadata.path("deletion_time").textValue();
      boolean destroyed = metadata.path("destroyed").booleanValue();
      JsonNode versionNode = metadata.path("version");
      String version = versionNode.canConvertToInt() ? " " + versionNode.asInt() : "";
      if (destroyed || (deleted != null && !deleted.isEmpty())) {
        return new VaultSecretNotFoundException(endpoint.source(), endpoint.where() + ": version" + version
            + " of the " + target.describe() + " was " + (destroyed ? "destroyed" : "deleted")
            + (deleted != null && !deleted.isEmpty() ? " at " + endpoint.redactor().scrub(deleted) : "")
            + ". Vault does not fall back to older versions: "
            + (destroyed ? "" : "undelete it (vault kv undelete -versions=" + version.strip() + " " + target.mount
                + "/" + target.path + "), ")
            + "write the token again, or pin a live version (BA_VAULT_SECRET_VERSION).",
            endpoint.address(), reply.status);
      }
    }
    for (String warning : reply.warnings()) {
      if (warning.contains("Invalid path for a versioned K/V")) {
        return new VaultSecretNotFoundException(endpoint.source(), base + " The mount '" + target.mount
            + "' is a KV version 2 engine: set the KV version to 2 (BA_VAULT_KV_VERSION=2).",
            endpoint.address(), reply.status);
      }
    }
    return new VaultSecretNotFoundException(endpoint.source(), base + " Check the mount '" + target.mount
        + "', the path '" + target.path + "' and the KV version (" + target.kvVersion + ")"
        + (target.secretVersion > 0 ? " and version" : "") + "; Vault also answers 404 when the token's policy"
        + " hides the path" + (endpoint.where().contains("namespace") ? "" : ", or when the secret lives in a"
        + " namespace (VAULT_NAMESPACE)") + ".", endpoint.address(), reply.status);
  }

  /** The member names of a secret, for "fields present" hints (names, never values; at most 20). */
  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext() && names.size() < 20; ) {
      names.add(it.next());
    }
    return names;
  }
}
