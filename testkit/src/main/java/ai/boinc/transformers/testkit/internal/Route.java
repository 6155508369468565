package ai.boinc.transformers.testkit.internal;

import java.util.Optional;

/** One family of URLs. Implementations are stateless or thread-safe. */
public interface Route {
  /** The answer, or empty if the path is not this route's. */
  Optional<HubResponse> handle(HubRequest request);
}
