package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.file.TokenFileCredentialSource;
import ai.boinc.transformers.credentials.vault.VaultCredentialSourceProvider;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --token-source}: where the access token comes from. */
final class TokenSourceOptions {
  enum TokenSource {
    auto,
    env,
    file,
    vault,
    none
  }

  @Option(
      names = "--token-source",
      paramLabel = "SOURCE",
      description = "Where the access token comes from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
          + " BA_ACCESS_TOKEN, then the token file of ba login, then Vault when configured).")
  TokenSource tokenSource = TokenSource.auto;

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
        return CredentialChain.discover(environment, TokenSourceOptions.class.getClassLoader());
    }
  }
}
