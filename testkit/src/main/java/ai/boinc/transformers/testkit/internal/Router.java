package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks its routes in order; the first that answers wins, otherwise 404. Thread-safe. */
public final class Router {
  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public HubResponse dispatch(HubRequest request) {
    for (Route route : routes) {
      Optional<HubResponse> response;
      try {
        response = route.handle(request);
      } catch (InvalidRevisionException e) {
        return HubErrors.badRequest("Invalid revision: " + e.getMessage());
      }
      if (response.isPresent()) {
        return response.get();
      }
    }
    return HubErrors.plain(404, "Sorry, we can't find the page you are looking for.");
  }

  /** 405 unless the method is one of {@code allowed}. */
  static Optional<HubResponse> requireMethod(HubRequest request, String... allowed) {
    for (String method : allowed) {
      if (method.equals(request.method())) {
        return Optional.empty();
      }
    }
    return Optional.of(
        HubResponse.json(405, JsonWriter.write(Map.of("error", "Method not allowed: " + request.method())))
            .header("Allow", String.join(", ", allowed)));
  }
}
