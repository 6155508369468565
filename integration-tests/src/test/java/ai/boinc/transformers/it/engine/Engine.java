package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.RetryPolicy;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import ai.boinc.transformers.transport.okhttp.OkHttpFileFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** Shared helpers for the engine tests: both transports, fast retry policies, cache checks. */
final class Engine {
  private Engine() {}

  /** Both transports, for {@code @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")}. */
  static Stream<Named<Supplier<FileFetcher>>> transports() {
    return Stream.of(
        Named.of("jdk", JdkFileFetcher::create),
        Named.of("okhttp", OkHttpFileFetcher::create));
  }

  /** Records every wait and advances its clock by it instead of sleeping. */
  static final class FakeTime extends Clock {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicLong millis = new AtomicLong(1_000_000);

    RetryPolicy.Sleeper sleeper() {
      return d -> {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        sleeps.add(d);
        millis.addAndGet(d.toMillis());
      };
    }

    RetryPolicy.Builder policy() {
      return RetryPolicy.builder().sleeper(sleeper()).clock(this).jitter(0);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  static Hub.Builder hub(LocalHub local, Path cache, FileFetcher fetcher) {
    return Hub.builder()
        .settings(HubSettings.builder().endpoint(local.endpoint()).cacheDir(cache)
            .metadataTimeout(Duration.ofSeconds(5)).downloadTimeout(Duration.ofSeconds(5)).build())
        .fileFetcher(fetcher)
        .credentials(CredentialChain.of())
        .retryPolicy(new FakeTime().policy().build());
  }

  static Hub.Builder hub(LocalHub local, Path cache, FileFetcher fetcher, String token) {
    return hub(local, cache, fetcher).token(AccessToken.of(token));
  }

  static List<RecordedRequest> gets(LocalHub local) {
    return local.requests().stream().filter(r -> r.method().equals("GET")).collect(Collectors.toList());
  }

  /** No temp file anywhere in the cache (lock files may stay). */
  static void assertNoTempFiles(Path cache) {
    assertThat(tempFiles(cache)).isEmpty();
  }

  static List<Path> tempFiles(Path cache) {
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(cache)) {
      return walk.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".incomplete") || name.endsWith(".tmp");
      }).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(int size, long seed) {
    byte[] out = new byte[size];
    new java.util.Random(seed).nextBytes(out);
    return out;
  }

  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
