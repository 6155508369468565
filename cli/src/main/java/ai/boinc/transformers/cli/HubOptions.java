package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.file.TokenFileCredentialSource;
import ai.boinc.transformers.credentials.vault.VaultCredentialSourceProvider;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every hub command shares; each defaults to the {@code BA_*} environment. */
final class HubOptions {
  enum TokenSource {
    auto,
    env,
    file,
    vault,
    none
  }

  @Option(names = "--endpoint", paramLabel = "URL", description = "The hub (default: BA_ENDPOINT or https://huggingface.co).")
  String endpoint;

  @Option(
      names = "--token-source",
      paramLabel = "SOURCE",
      description = "Where the access token comes from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
          + " BA_ACCESS_TOKEN, then the token file, then Vault when configured).")
  TokenSource tokenSource = TokenSource.auto;

  @Option(names = "--transport", paramLabel = "NAME", description = "HTTP transport: jdk or okhttp (default: jdk).")
  String transport;

  @Option(names = "--offline", description = "Use only the local cache (like BA_HUB_OFFLINE=1).")
  boolean offline;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "The download cache (default: BA_HUB_CACHE or ~/.cache/boincai/hub).")
  Path cacheDir;

  HubSettings settings(Map<String, String> environment) {
    HubSettings.Builder settings = HubSettings.builderFromEnvironment(environment);
    if (endpoint != null) {
      settings.endpoint(endpoint);
    }
    if (cacheDir != null) {
      settings.cacheDir(cacheDir);
    }
    if (offline) {
      settings.offline(true);
    }
    return settings.build();
  }

  CredentialSource credentials(Map<String, String> environment) {
    switch (tokenSource) {
      case env:
        return EnvironmentCredentialSource.of(EnvironmentCredentialSource.DEFAULT_VARIABLE, environment);
      case file:
        return TokenFileCredentialSource.fromEnvironment(environment);
      case vault:
        return new VaultCredentialSourceProvider().create(environment);
      case none:
        return CredentialSource.none();
      case auto:
      default:
        return CredentialChain.discover(environment, HubOptions.class.getClassLoader());
    }
  }

  Hub hub(Map<String, String> environment) {
    Hub.Builder hub = Hub.builder().environment(environment).settings(settings(environment)).credentials(credentials(environment));
    if (transport != null) {
      if (!transport.equals("jdk") && !transport.equals("okhttp")) {
        throw new IllegalArgumentException("unknown transport '" + transport + "': use jdk or okhttp");
      }
      hub.transport(transport);
    }
    return hub.build();
  }
}
