package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.hub.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff schedule and the parsing of Retry-After and RateLimit. */
class RetryScheduleTest {
  static RetryPolicy policy(double jitter) {
    return RetryPolicy.builder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(8)).jitter(jitter).build();
  }

  @Test
  void withoutJitterTheWaitsDoubleUpToTheCap() {
    Backoff backoff = new Backoff(policy(0), () -> 0.7);
    assertThat(new Duration[] {backoff.delay(1), backoff.delay(2), backoff.delay(3), backoff.delay(4), backoff.delay(5),
        backoff.delay(60)})
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
            Duration.ofSeconds(8), Duration.ofSeconds(8));
  }

  @Test
  void jitterOnlyShortensAWaitAndByAtMostItsFraction() {
    qt().forAll(integers().between(1, 40), doubles().between(0, 1), doubles().between(0, 0.9999))
        .checkAssert((retry, jitter, random) -> {
          Duration exact = new Backoff(policy(0), () -> 0).delay(retry);
          Duration jittered = new Backoff(policy(jitter), () -> random).delay(retry);
          assertThat(jittered).isLessThanOrEqualTo(exact);
          assertThat(jittered.toMillis()).isGreaterThanOrEqualTo((long) Math.floor(exact.toMillis() * (1 - jitter)) - 1);
        });
  }

  @Test
  void retryAfterInSecondsIsRead() {
    assertThat(RetryAfter.parse(headers("Retry-After", "7"))).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(headers("Retry-After", " 0 "))).contains(Duration.ZERO);
  }

  @Test
  void retryAfterAsADateOrGarbageIsIgnored() {
    assertThat(RetryAfter.parse(headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty();
    assertThat(RetryAfter.parse(headers("Retry-After", "-3"))).isEmpty();
    assertThat(RetryAfter.parse(headers("Retry-After", "1.5"))).isEmpty();
    assertThat(RetryAfter.parse(headers("Retry-After", "99999999999"))).isEmpty();
  }

  @Test
  void rateLimitResetCountsOnlyWhenNothingRemains() {
    assertThat(RetryAfter.parse(headers("RateLimit", "\"api\";r=0;t=55"))).contains(Duration.ofSeconds(55));
    assertThat(RetryAfter.parse(headers("RateLimit", "\"api\";r=12;t=55"))).isEmpty();
    assertThat(RetryAfter.parse(headers("RateLimit", "\"api\";t=55"))).isEmpty();
  }

  @Test
  void rateLimitWinsOverRetryAfterWhenExhausted() {
    FetchHeaders both = FetchHeaders.builder().add("RateLimit", "\"api\";r=0;t=9").add("Retry-After", "2").build();
    assertThat(RetryAfter.parse(both)).contains(Duration.ofSeconds(9));
    FetchHeaders notExhausted = FetchHeaders.builder().add("RateLimit", "\"api\";r=3;t=9").add("Retry-After", "2").build();
    assertThat(RetryAfter.parse(notExhausted)).contains(Duration.ofSeconds(2));
  }

  @Test
  void retryableStatusesAreTimeoutsRateLimitsAndServerErrorsButNotImplemented() {
    assertThat(RetryInterceptor.isRetryable(408)).isTrue();
    assertThat(RetryInterceptor.isRetryable(429)).isTrue();
    assertThat(RetryInterceptor.isRetryable(500)).isTrue();
    assertThat(RetryInterceptor.isRetryable(503)).isTrue();
    assertThat(RetryInterceptor.isRetryable(501)).isFalse();
    for (int status : new int[] {200, 206, 304, 400, 401, 403, 404, 416}) {
      assertThat(RetryInterceptor.isRetryable(status)).as("%d", status).isFalse();
    }
  }

  static FetchHeaders headers(String name, String value) {
    return FetchHeaders.builder().add(name, value).build();
  }
}
