package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that downloads shares; each defaults to the {@code BA_*} environment. */
final class HubOptions {
  @Mixin EndpointOptions endpointOptions;

  @Mixin TokenSourceOptions tokenSourceOptions;

  @Option(names = "--offline", description = "Use only the local cache (like BA_HUB_OFFLINE=1).")
  boolean offline;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "The download cache (default: BA_HUB_CACHE or ~/.cache/boincai/hub).")
  Path cacheDir;

  HubSettings settings(Map<String, String> environment) {
    HubSettings.Builder settings = HubSettings.builderFromEnvironment(environment);
    endpointOptions.apply(settings);
    if (cacheDir != null) {
      settings.cacheDir(cacheDir);
    }
    if (offline) {
      settings.offline(true);
    }
    return settings.build();
  }

  CredentialSource credentials(Map<String, String> environment) {
    return tokenSourceOptions.credentials(environment);
  }

  /** A hub from these options and {@code environment}. */
  Hub hub(Map<String, String> environment) {
    Hub.Builder hub = Hub.builder().environment(environment).settings(settings(environment)).credentials(credentials(environment));
    endpointOptions.apply(hub);
    return hub.build();
  }
}
