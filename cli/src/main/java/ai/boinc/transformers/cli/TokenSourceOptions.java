package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.file.TokenFileCredentialSource;
import ai.boinc.transformers.credentials.vault.VaultCredentialSourceProvider;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The access token itself, instead of --token-source (it stays in your shell's history:"
          + " prefer ba login or BA_ACCESS_TOKEN).")
  String token;

  /** The command this option set is mixed into, for its standard error. */
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  CredentialSource credentials(Map<String, String> environment) {
    if (token != null) {
      mixee.commandLine().getErr().println("warning: a token given with --token is kept in your shell's history"
          + " and shown to other users of this machine in the process list; prefer `ba login` or BA_ACCESS_TOKEN.");
      return CredentialSource.of(AccessToken.of(token), "the --token option");
    }
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
