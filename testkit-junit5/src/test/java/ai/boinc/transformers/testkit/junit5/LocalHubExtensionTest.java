package ai.boinc.transformers.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.Fault;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalHubExtensionTest {
  @RegisterExtension
  static LocalHubExtension shared =
      LocalHubExtension.builder()
          .repo(HubRepo.model("acme/m").file("a.txt", "a").build())
          .configure(b -> b.treePageSize(2))
          .build();

  static URI firstEndpoint;

  @Test
  void sharedHubServesAndInjectsIntoParameters(LocalHub hub) {
    assertThat(hub).isSameAs(shared.get());
    assertThat(status(hub.resolveUri("acme/m", "a.txt"))).isEqualTo(200);
    hub.addFault(Fault.status(503).times(5));
    assertThat(status(hub.resolveUri("acme/m", "a.txt"))).isEqualTo(503);
  }

  @Test
  void sharedHubIsResetBeforeEachTest() {
    assertThat(shared.get().pendingFaults()).isEmpty();
    assertThat(shared.get().requests()).isEmpty();
    assertThat(status(shared.get().resolveUri("acme/m", "a.txt"))).isEqualTo(200);
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {
    @RegisterExtension
    LocalHubExtension own = LocalHubExtension.builder().repo(HubRepo.model("acme/own").build()).build();

    @Test
    @Order(1)
    void first() {
      firstEndpoint = own.get().endpoint();
      assertThat(status(URI.create(own.get().endpoint() + "/api/models/acme/own"))).isEqualTo(200);
    }

    @Test
    @Order(2)
    void secondGetsAFreshHub() {
      assertThat(own.get().requests()).isEmpty();
      assertThat(own.get()).isNotSameAs(shared.get());
      assertThat(firstEndpoint).isNotNull();
    }
  }

  /** The status of a plain GET, redirects not followed. */
  static int status(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
