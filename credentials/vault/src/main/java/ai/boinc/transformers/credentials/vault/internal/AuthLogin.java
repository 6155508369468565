package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.vault.VaultLoginException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** The shared half of AppRole and Kubernetes logins: POST, then read the {@code auth} block. */
final class AuthLogin {
  private AuthLogin() {}

  /**
   * Posts {@code body} to {@code auth/<mount>/login}.
   *
   * @param what "AppRole login at auth/approle"
   * @param fix what to check when Vault refuses
   */
  static SessionToken login(VaultEndpoint endpoint, String mount, Map<String, String> body, String what,
      String fix, Instant now) {
    String operation = "the " + what;
    VaultReply reply = endpoint.send("auth/" + VaultEndpoint.encodePath(mount) + "/login", null, null, body,
        "performing " + operation);
    int status = reply.status;
    if (status == 400 || status == 401 || status == 403 || status == 404) {
      String hint = status == 403 || status == 404
          ? " Also check that this auth method is enabled at auth/" + mount + " (BA_VAULT_AUTH_MOUNT)"
              + " and, with Vault Enterprise, the namespace (VAULT_NAMESPACE)."
          : "";
      throw new VaultLoginException(endpoint.source(), endpoint.where() + " rejected the " + what + " ("
          + endpoint.summary(reply) + "). " + fix + hint, endpoint.address(), status);
    }
    if (!reply.isSuccess()) {
      throw endpoint.unexpected(reply, "performing " + operation);
    }
    return fromAuthBlock(endpoint, reply, "performing " + operation, now);
  }

  /** The token of a login or renew-self answer. */
  static SessionToken fromAuthBlock(VaultEndpoint endpoint, VaultReply reply, String operation, Instant now) {
    JsonNode auth = endpoint.body(reply, operation).path("auth");
    if (!auth.isObject()) {
      throw endpoint.wrongShape(reply, operation, "an object at $.auth", auth);
    }
    JsonNode tokenNode = auth.path("client_token");
    String token = tokenNode.textValue();
    if (token == null || token.isBlank()) {
      throw endpoint.malformed(reply, operation,
          "JSON of the wrong shape: expected a non-empty string at $.auth.client_token but found "
              + (token == null ? VaultEndpoint.kind(tokenNode) : "an empty string"));
    }
    endpoint.redactor().remember(token);
    if (!SecretFiles.isHeaderSafe(token.strip())) {
      throw endpoint.malformed(reply, operation, "a client token with characters that cannot be sent in a"
          + " header (whitespace or control characters)");
    }
    return new SessionToken(token.strip(), now, GoDurations.seconds(auth.path("lease_duration")),
        auth.path("renewable").booleanValue());
  }
}
