package ai.boinc.transformers.it.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.WrongEndpointException;
import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An unreachable or wrong endpoint says so and what to do; every retry is logged at INFO with reason and wait. */
class ReachabilityTest {
  static final String REPO = "acme/m";

  @TempDir Path cache;
  LocalHub local;
  Engine.FakeTime time = new Engine.FakeTime();
  final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  final Logger hubLogger = Logger.getLogger("ai.boinc.transformers.hub");
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void start() {
    local = LocalHub.builder().repo(HubRepo.model(REPO).file("g.bin", Engine.bytes(1000, 3)).build()).start();
    hubLogger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    hubLogger.removeHandler(capture);
    local.close();
  }

  Hub hub(URI endpoint, Supplier<FileFetcher> transport) {
    return Engine.hub(local, cache, transport.get())
        .settings(HubSettings.builder().endpoint(endpoint).cacheDir(cache).metadataTimeout(Duration.ofSeconds(5))
            .build())
        .retryPolicy(time.policy().maxAttempts(3).build())
        .build();
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  List<String> infoLines() {
    List<String> lines = new CopyOnWriteArrayList<>();
    for (LogRecord record : logged) {
      if (record.getLevel() == Level.INFO) {
        lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
      }
    }
    return lines;
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aRefusedConnectionIsRetriedVisiblyThenNamedWithTheNextStep(Supplier<FileFetcher> transport) throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + closedPort());

    var e = catchThrowableOfType(HubUnreachableException.class, () -> hub(endpoint, transport).download(REPO, "g.bin"));

    assertThat(e.getMessage()).startsWith("Cannot reach the hub at " + endpoint + ": connection refused.")
        .contains("BA_ENDPOINT", "BA_HUB_OFFLINE=1").doesNotContain("ConnectException");
    assertThat(infoLines()).hasSize(2).allSatisfy(line -> assertThat(line).matches(
        "retrying in [12] s \\(connection refused\\): 'g.bin' of model 'acme/m' at revision 'main' from 127.0.0.1,"
            + " attempt [23] of 3"));
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void anUnknownHostIsNamedAsSuch(Supplier<FileFetcher> transport) {
    URI endpoint = URI.create("http://no-such-host.invalid");

    var e = catchThrowableOfType(HubUnreachableException.class, () -> hub(endpoint, transport).download(REPO, "g.bin"));

    assertThat(e.getMessage()).startsWith("Cannot reach the hub at " + endpoint + ": unknown host")
        .contains("no-such-host.invalid", "BA_ENDPOINT").doesNotContain("Exception");
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void anEndpointWithAWrongPathIsNamedAsAProbablyWrongEndpoint(Supplier<FileFetcher> transport) {
    URI endpoint = URI.create(local.endpoint() + "/hf");

    var e = catchThrowableOfType(WrongEndpointException.class, () -> hub(endpoint, transport).download(REPO, "g.bin"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.endpoint()).isEqualTo(endpoint);
    assertThat(e.getMessage()).contains(endpoint.toString(), "BA_ENDPOINT probably does not point at a hub");
    var listing = catchThrowableOfType(WrongEndpointException.class, () -> hub(endpoint, transport).snapshot(REPO));
    assertThat(listing.getMessage()).contains("/hf/api/models/acme/m", "BA_ENDPOINT probably does not point at a hub");
  }

  @ParameterizedTest
  @MethodSource("ai.boinc.transformers.it.engine.Engine#transports")
  void aServerErrorRetryIsLoggedWithItsStatusAndWait(Supplier<FileFetcher> transport) {
    local.addFault(Fault.status(429).retryAfterSeconds(4));

    assertThat(Engine.read(hub(local.endpoint(), transport).download(REPO, "g.bin"))).hasSize(1000);

    assertThat(infoLines()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("retrying in 4 s (rate limited, HTTP 429): 'g.bin'"));
  }
}
