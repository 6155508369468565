package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/**
 * Random fault schedules (cuts, 5xx, 429, corrupted bytes, slow answers, ignored Range, resets)
 * over many small downloads: whatever happens, every file in the cache is absent or byte-identical
 * to the source, and no temp file is left. QuickTheories prints the seed of a failing run; rerun
 * it with {@code -DQT_SEED=<seed>}.
 */
class FaultSchedulePropertyTest {
  static final String REPO = "acme/p";
  static final Map<String, byte[]> FILES = new LinkedHashMap<>();

  static {
    FILES.put("git-small.txt", Engine.bytes(3_000, 21));
    FILES.put("git-mid.bin", Engine.bytes(40_000, 22));
    FILES.put("lfs-a.bin", Engine.bytes(60_000, 23));
    FILES.put("lfs-b.bin", Engine.bytes(25_000, 24));
  }

  static LocalHub local;
  @TempDir static Path root;

  @BeforeAll
  static void start() {
    HubRepo.Builder repo = HubRepo.model(REPO);
    FILES.forEach((path, bytes) -> {
      if (path.startsWith("lfs")) {
        repo.lfsFile(path, bytes);
      } else {
        repo.file(path, bytes);
      }
    });
    local = LocalHub.builder().repo(repo.build()).start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** One fault, drawn from a small vocabulary with random parameters. */
  static Gen<Fault> faults() {
    return integers().between(0, 8).zip(integers().between(0, 59_999), integers().between(1, 3), (kind, offset, times) -> {
      Fault f;
      switch (kind) {
        case 0: f = Fault.cutAfterBytes(offset % 20_000); break;
        case 1: f = Fault.status(500 + (offset % 5)); break;
        case 2: f = Fault.status(429).retryAfterSeconds(offset % 3); break;
        case 3: f = Fault.corruptByteAt(offset % 3_000); break;
        case 4: f = Fault.delay(Duration.ofMillis(offset % 30)); break;
        case 5: f = Fault.ignoreRange(); break;
        case 6: f = Fault.resetConnection(); break;
        case 7: f = Fault.stall(Duration.ofMillis(400)).afterBytes(offset % 10_000); break;
        default: f = Fault.status(408); break;
      }
      f = f.times(times);
      switch (offset % 3) {
        case 0: return f.onCdn();
        case 1: return f.onHub();
        default: return f;
      }
    });
  }

  static Stream<org.junit.jupiter.api.Named<Supplier<FileFetcher>>> transports() {
    return Engine.transports();
  }

  @ParameterizedTest
  @MethodSource("transports")
  void theCacheNeverHoldsATornOrWrongFile(Supplier<FileFetcher> transport) {
    FileFetcher fetcher = transport.get();
    int[] run = {0};
    qt().withExamples(25).withShrinkCycles(20)
        .forAll(lists().of(faults()).ofSizeBetween(0, 6), integers().between(0, FILES.size() - 1))
        .checkAssert((schedule, first) -> {
          Path cache = root.resolve(fetcher.agent().replace('/', '_') + "-" + run[0]++);
          local.clearFaults();
          schedule.forEach(local::addFault);
          Engine.FakeTime time = new Engine.FakeTime();
          Hub hub = Hub.builder()
              .settings(HubSettings.builder().endpoint(local.endpoint()).cacheDir(cache)
                  .metadataTimeout(Duration.ofMillis(300)).downloadTimeout(Duration.ofMillis(300)).build())
              .fileFetcher(fetcher)
              .credentials(ai.boinc.transformers.credentials.CredentialChain.of())
              .retryPolicy(time.policy().maxAttempts(3).build())
              .build();
          List<String> names = List.copyOf(FILES.keySet());
          for (int i = 0; i < names.size(); i++) {
            String name = names.get((first + i) % names.size());
            try {
              Path file = hub.download(REPO, name);
              assertThat(Engine.read(file)).as(name + " under " + schedule).isEqualTo(FILES.get(name));
            } catch (HubException expected) {
              // A failure is fine; a wrong or torn file is not.
            }
          }
          local.clearFaults();
          assertCacheIsClean(cache, schedule);
        });
  }

  static void assertCacheIsClean(Path cache, List<Fault> schedule) {
    Engine.assertNoTempFiles(cache);
    Path snapshots = cache.resolve("models--acme--p/snapshots");
    if (!Files.exists(snapshots)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(snapshots)) {
      walk.filter(p -> Files.isRegularFile(p)).forEach(p -> {
        String name = p.getFileName().toString();
        assertThat(Engine.read(p)).as(name + " under " + schedule).isEqualTo(FILES.get(name));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> blobs = Files.list(cache.resolve("models--acme--p/blobs"))) {
      blobs.forEach(blob -> assertThat(FILES.values()).as("blob " + blob.getFileName() + " under " + schedule)
          .anySatisfy(source -> assertThat(Engine.read(blob)).isEqualTo(source)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
