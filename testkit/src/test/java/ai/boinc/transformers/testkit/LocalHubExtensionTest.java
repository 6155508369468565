package ai.boinc.transformers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(Http.get(hub.resolveUri("acme/m", "a.txt")).statusCode()).isEqualTo(200);
    hub.addFault(Fault.status(503).times(5));
    assertThat(Http.get(hub.resolveUri("acme/m", "a.txt")).statusCode()).isEqualTo(503);
  }

  @Test
  void sharedHubIsResetBeforeEachTest() {
    assertThat(shared.get().pendingFaults()).isEmpty();
    assertThat(shared.get().requests()).isEmpty();
    assertThat(Http.get(shared.get().resolveUri("acme/m", "a.txt")).statusCode()).isEqualTo(200);
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
      assertThat(Http.get(URI.create(own.get().endpoint() + "/api/models/acme/own")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void secondGetsAFreshHub() {
      assertThat(own.get().requests()).isEmpty();
      assertThat(own.get()).isNotSameAs(shared.get());
      assertThat(firstEndpoint).isNotNull();
    }
  }
}
