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
    JsonNode data = endpoint.body(reply, operation).path("data");
    if (!data.isObject()) {
      throw endpoint.wrongShape(reply, operation, "an object at $.data", data);
    }
    return new SessionToken(secret, now, GoDurations.seconds(data.path("ttl")), data.path("renewable").booleanValue());
  }
}
