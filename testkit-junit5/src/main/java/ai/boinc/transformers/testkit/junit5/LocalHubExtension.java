package ai.boinc.transformers.testkit.junit5;

import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts and stops a {@link LocalHub} around JUnit 5 tests.
 *
 * <pre>{@code
 * class DownloadTest {
 *   @RegisterExtension
 *   static LocalHubExtension hub = LocalHubExtension.builder()
 *       .repo(HubRepo.model("acme/m").file("config.json", "{}").build())
 *       .token("ba_test", "user", "acme/m")
 *       .build();
 *
 *   @Test
 *   void downloads() {
 *     URI endpoint = hub.get().endpoint();
 *     hub.get().addFault(Fault.status(503));
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Registered on a static field, one hub serves the whole class (started before all tests,
 * closed after them) and its faults, recorded requests and held bodies are reset before each test;
 * registered on an instance field, each test gets a fresh hub. Test methods may also declare a
 * {@link LocalHub} parameter. Not for concurrent test execution within one class.
 */
public final class LocalHubExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final Consumer<LocalHub.Builder> setup;
  private LocalHub hub;
  private boolean perClass;

  private LocalHubExtension(Consumer<LocalHub.Builder> setup) {
    this.setup = setup;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running hub.
   *
   * @throws IllegalStateException outside a test
   */
  public LocalHub get() {
    if (hub == null) {
      throw new IllegalStateException("the LocalHub runs only while a test runs; register the extension with @RegisterExtension");
    }
    return hub;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    hub = start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass && hub != null) {
      hub.clearFaults();
      hub.releaseBodies();
      hub.delayResponses(java.time.Duration.ZERO);
      hub.clearRequests();
    } else {
      hub = start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalHub.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return get();
  }

  private LocalHub start() {
    LocalHub.Builder builder = LocalHub.builder();
    setup.accept(builder);
    return builder.start();
  }

  private void stop() {
    if (hub != null) {
      hub.close();
      hub = null;
    }
  }

  @Override
  public String toString() {
    return "LocalHubExtension{" + (hub == null ? "stopped" : hub.toString()) + "}";
  }

  /**
   * Collects what the hub serves; every call is replayed on a fresh {@link LocalHub.Builder} each
   * time a hub starts. Not thread-safe.
   */
  public static final class Builder {
    private Consumer<LocalHub.Builder> setup = builder -> {};

    private Builder() {}

    /** @see LocalHub.Builder#repo(HubRepo) */
    public Builder repo(HubRepo repo) {
      Objects.requireNonNull(repo, "repo");
      return with(builder -> builder.repo(repo));
    }

    /** @see LocalHub.Builder#token(String, String, String...) */
    public Builder token(String token, String user, String... repoIds) {
      Objects.requireNonNull(token, "token");
      String[] grants = repoIds.clone();
      return with(builder -> builder.token(token, user, grants));
    }

    /** Any other setting of {@link LocalHub.Builder}, e.g. {@code b -> b.treePageSize(3)}. */
    public Builder configure(Consumer<LocalHub.Builder> more) {
      return with(Objects.requireNonNull(more, "more"));
    }

    public LocalHubExtension build() {
      return new LocalHubExtension(setup);
    }

    private Builder with(Consumer<LocalHub.Builder> step) {
      setup = setup.andThen(step);
      return this;
    }
  }
}
