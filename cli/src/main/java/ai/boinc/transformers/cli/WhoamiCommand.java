package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.WhoAmI;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ba whoami}: the account of the current token and where the token came from. */
@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = "Asks the hub which account the current access token belongs to, and says where the token"
        + " came from (BA_ACCESS_TOKEN, the token file of ba login, Vault).")
final class WhoamiCommand implements Callable<Integer> {
  @ParentCommand BaCommand root;

  @Spec CommandSpec spec;

  @Mixin EndpointOptions endpointOptions;

  @Mixin TokenSourceOptions tokenSourceOptions;

  @Option(names = "--offline", description = "Do not ask the hub; only say where the token comes from (like BA_HUB_OFFLINE=1).")
  boolean offline;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HubSettings.Builder builder = HubSettings.builderFromEnvironment(root.environment);
    endpointOptions.apply(builder);
    HubSettings settings = builder.build();
    CredentialSource credentials = tokenSourceOptions.credentials(root.environment);
    Optional<ResolvedToken> token = credentials.resolveWithSource();
    if (token.isEmpty()) {
      StringBuilder lookedIn = new StringBuilder();
      CredentialChain.describeEach(credentials).forEach(source -> lookedIn.append("\n  - ").append(source));
      throw new MissingTokenException("Not logged in: run `ba login`, or set BA_ACCESS_TOKEN to your access token."
          + " No access token was found; looked in:" + lookedIn, null, null, null);
    }
    String source = token.get().source();
    if (offline || settings.offline()) {
      out.println("Offline, so the hub was not asked; a token was found in " + source + ".");
      return ExitCodes.OK;
    }
    Hub.Builder hub = Hub.builder().environment(root.environment).settings(settings)
        .credentials(new Found(token.get()));
    endpointOptions.apply(hub);
    WhoAmI account;
    try {
      account = hub.build().whoami();
    } catch (InvalidTokenException e) {
      throw new InvalidTokenException(e.getMessage() + " Run ba login with a valid token"
          + (source.startsWith("environment variable") ? ", or fix or unset the variable." : "."), null, null, null, e);
    }
    out.println("Logged in as " + account.name() + " (token '" + account.tokenName().orElse("unnamed") + "', role "
        + account.tokenRole().orElse("unknown") + ") at " + settings.endpoint());
    out.println("Token from: " + source);
    if (!account.orgs().isEmpty()) {
      out.println("Organizations: " + String.join(", ", account.orgs()));
    }
    return ExitCodes.OK;
  }

  /** The token already resolved, so the hub does not ask the sources (a Vault) a second time. */
  private static final class Found implements CredentialSource {
    private final ResolvedToken token;

    Found(ResolvedToken token) {
      this.token = token;
    }

    @Override
    public Optional<AccessToken> resolve() {
      return Optional.of(token.token());
    }

    @Override
    public Optional<ResolvedToken> resolveWithSource() {
      return Optional.of(token);
    }

    @Override
    public String describe() {
      return token.source();
    }
  }
}
