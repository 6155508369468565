package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Retries what may pass — 408, 429, 5xx but 501, connection failures — with the {@link
 * RetryPolicy}'s backoff, honouring the hub's {@code Retry-After}/{@code RateLimit}. When the
 * policy gives up, the last response is returned (and mapped to an exception by the caller) or the
 * last connection failure is thrown. An interrupt is never retried. Each retry is logged at INFO
 * ({@link RetryLog}) with its reason and wait.
 */
final class RetryInterceptor implements Interceptor {
  @Override
  public FetchResponse intercept(Chain chain) throws IOException {
    Call call = chain.call();
    RetryPolicy policy = call.retryPolicy;
    Backoff backoff = Backoff.of(policy);
    long start = policy.clock().millis();
    for (int attempt = 1; ; attempt++) {
      FetchResponse response = null;
      IOException failure = null;
      try {
        response = chain.proceed(chain.request());
      } catch (IOException e) {
        if (Cancellation.isCancellation(e)) {
          throw e;
        }
        failure = e;
      }
      Duration delay;
      String reason;
      if (response != null) {
        if (!isRetryable(response.status())) {
          return response;
        }
        Optional<Duration> hinted = RetryAfter.parse(response.headers());
        call.retryAfter = hinted;
        delay = hinted.orElse(backoff.delay(attempt));
        reason = response.status() == 429 ? "rate limited, HTTP 429" : "HTTP " + response.status();
      } else {
        delay = backoff.delay(attempt);
        reason = FailureReasons.describe(failure);
      }
      long elapsed = policy.clock().millis() - start;
      boolean again = attempt < policy.maxAttempts() && elapsed + delay.toMillis() <= policy.maxTotalTime().toMillis();
      if (!again) {
        if (response != null) {
          return response;
        }
        throw failure;
      }
      if (response != null) {
        closeQuietly(response);
      }
      RetryLog.retrying(delay, reason, call.ctx.describe() + " from " + chain.request().uri().getHost(), attempt + 1,
          policy.maxAttempts());
      Backoff.sleep(policy, delay, "waiting to retry");
    }
  }

  /** 408, 429 and 5xx except 501 (not implemented, which a retry does not change). */
  static boolean isRetryable(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  static void closeQuietly(FetchResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // The connection is dropped either way.
    }
  }
}
