package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.RetryPolicy;
import picocli.CommandLine.Option;

/** Which hub to talk to and how: {@code --endpoint}, {@code --transport}, {@code --retries}. */
final class EndpointOptions {
  enum Transport {
    jdk,
    okhttp
  }

  @Option(names = "--endpoint", paramLabel = "URL", description = "The hub (default: BA_ENDPOINT or https://huggingface.co).")
  String endpoint;

  @Option(
      names = "--transport",
      paramLabel = "NAME",
      description = "HTTP transport: ${COMPLETION-CANDIDATES} (default: jdk).")
  Transport transport;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description = "Retries of a request that failed for a passing reason (connection refused, 429, 5xx),"
          + " waiting 1, 2, 4, 8 s between them (default: ${DEFAULT-VALUE}).")
  int retries = RetryPolicy.defaults().maxAttempts() - 1;

  void apply(HubSettings.Builder settings) {
    if (endpoint != null) {
      settings.endpoint(endpoint);
    }
  }

  void apply(Hub.Builder hub) {
    if (retries < 0 || retries > 20) {
      throw new IllegalArgumentException("--retries must be between 0 and 20, but is " + retries);
    }
    hub.retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(retries + 1).build());
    if (transport != null) {
      hub.transport(transport.name());
    }
  }
}
