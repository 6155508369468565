package ai.boinc.transformers.credentials.vault.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Learns the TTL and renewability of a token the SDK did not obtain by login ({@code GET
 * auth/token/lookup-self}), so that it can be renewed in time. A token whose policy does not allow
 * the lookup (403) is used as an opaque token that never expires: reading the secret then says
 * whether it works.
 */
final class TokenLookup {
  private TokenLookup() {}

  static SessionToken lookup(VaultEndpoint endpoint, String secret, Instant now) {
    endpoint.redactor().remember(secret);
    String operation = "looking up the Vault token (auth/token/lookup-self)";
    VaultReply reply = endpoint.send("auth/token/lookup-self", null, secret, null, operation);
    if (reply.status == 403 || reply.status == 401) {
      return new SessionToken(secret, now, java.time.Duration.ZERO, false);
    }
    if (!reply.isSuccess()) {
      throw endpoint.unexpected(reply, operation);
    }
    JsonNode root = endpoint.body(reply, operation);
    JsonNode data = root.get("data");
    if (data == null || !data.isObject()) {
      throw endpoint.malformed(reply, operation, "JSON of the wrong shape: expected an object at $.data but found "
          + Json.type(data));
    }
    return new SessionToken(secret, now, Json.seconds(data, "ttl"), Json.flag(data, "renewable"));
  }
}
