package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.vault.VaultUnavailableException;
import ai.boinc.transformers.hub.RetryPolicy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries a Vault request as Vault's own client does (VAULT_MAX_RETRIES): on 412, 429 and 5xx but
 * 501, and when no answer arrived, with the policy's jittered backoff, a 429's {@code Retry-After}
 * when sent, and a budget of attempts and total time. Each retry is logged at INFO. An interrupt
 * is never retried.
 */
final class VaultRetries {
  private static final Logger LOGGER = System.getLogger("ai.boinc.transformers.credentials.vault");

  private final RetryPolicy policy;
  private final String where;
  private final String source;
  private final String address;

  VaultRetries(RetryPolicy policy, String where, String source, String address) {
    this.policy = policy;
    this.where = where;
    this.source = source;
    this.address = address;
  }

  VaultReply send(Supplier<VaultReply> once, String operation) {
    long start = policy.clock().millis();
    for (int attempt = 1; ; attempt++) {
      VaultReply reply = null;
      VaultUnavailableException failure = null;
      try {
        reply = once.get();
      } catch (VaultUnavailableException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        failure = e;
      }
      if (reply != null && !VaultStatuses.isRetryable(reply.status)) {
        return reply.afterAttempts(attempt);
      }
      Duration backoff = policy.delayBefore(attempt, ThreadLocalRandom.current().nextDouble());
      Duration wait = reply != null && reply.status == 429 ? reply.retryAfter.orElse(backoff) : backoff;
      long elapsed = policy.clock().millis() - start;
      if (attempt >= policy.maxAttempts() || elapsed + wait.toMillis() > policy.maxTotalTime().toMillis()) {
        if (failure != null) {
          throw failure;
        }
        return reply.afterAttempts(attempt);
      }
      String reason = reply != null ? "HTTP " + reply.status : "no answer";
      LOGGER.log(Level.INFO, "retrying in {0} ms ({1}): {2} at {3}, attempt {4} of {5}", wait.toMillis(), reason,
          operation, where, attempt + 1, policy.maxAttempts());
      sleep(wait, operation);
    }
  }

  private void sleep(Duration wait, String operation) {
    try {
      policy.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VaultUnavailableException(source, "Interrupted while waiting to retry " + operation + " at "
          + where + ".", address, 0, e);
    }
  }
}
