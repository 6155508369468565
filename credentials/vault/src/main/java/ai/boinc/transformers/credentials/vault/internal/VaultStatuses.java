package ai.boinc.transformers.credentials.vault.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * What Vault means by each status it answers when it cannot serve a request, as its API
 * documentation defines them ({@code api-docs/index.mdx}), and what the user can do. 429 means a
 * standby node only on the health endpoint, which this SDK does not call: elsewhere it is a
 * rate-limit quota.
 */
final class VaultStatuses {
  private VaultStatuses() {}

  /** Whether Vault's own client retries the status: 412, 429 and 5xx except 501. */
  static boolean isRetryable(int status) {
    return status == 412 || status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  /** Completes "Vault at https://vault:8200 ...". */
  static String meaning(int status) {
    switch (status) {
      case 412:
        return "has not caught up with a recent write yet (HTTP 412: eventual consistency, e.g. on a performance"
            + " standby)";
      case 429:
        return "is rate limiting this client (HTTP 429: a rate-limit quota was exceeded)";
      case 500:
        return "had an internal error";
      case 501:
        return "is not initialized";
      case 502:
        return "got an error from a service it depends on (HTTP 502: a plugin, storage or cloud backend)";
      case 503:
        return "is sealed or down for maintenance";
      default:
        return "failed";
    }
  }

  static String advice(int status, Optional<Duration> retryAfter) {
    switch (status) {
      case 412:
        return "Retry in a moment; if it persists, send requests to the active node (VAULT_ADDR).";
      case 429:
        return "Wait" + retryAfter.map(d -> " " + d.getSeconds() + " s (Vault's Retry-After)").orElse("")
            + " and retry, make fewer requests (the SDK caches the hub token for BA_VAULT_MAX_AGE), or ask the"
            + " Vault operators to raise the quota.";
      case 501:
        return "Initialize and unseal Vault (vault operator init), or point VAULT_ADDR at an initialized server.";
      case 503:
        return "Unseal Vault or wait for it to come back, then retry.";
      default:
        return "Retry later; if it persists, check the Vault server's log.";
    }
  }
}
