package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.file.TokenFileCredentialSource;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.WhoAmI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ba login}: reads an access token without echoing it, checks it with the hub and stores it
 * in the token file, readable only by its owner.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Checks an access token with the hub and saves it in the token file (BA_TOKEN_PATH, default"
          + " ~/.cache/boincai/token), readable only by you; later commands use it.",
      "In a terminal the token is asked for without echo; otherwise (or with --token-stdin) the first"
          + " line of standard input is read, e.g. `ba login --token-stdin < token.txt`.",
      "A token the hub rejects is not saved."
    })
final class LoginCommand implements Callable<Integer> {
  @ParentCommand BaCommand root;

  @Spec CommandSpec spec;

  @Mixin EndpointOptions endpointOptions;

  @Option(names = "--token-stdin", description = "Read the token from the first line of standard input, even in a terminal.")
  boolean tokenStdin;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HubSettings.Builder builder = HubSettings.builderFromEnvironment(root.environment);
    endpointOptions.apply(builder);
    HubSettings settings = builder.build();
    if (settings.offline()) {
      throw new OfflineCacheMissException("ba login checks the token with the hub, but offline mode is on"
          + " (BA_HUB_OFFLINE). Unset BA_HUB_OFFLINE and run ba login again.", null, null, null);
    }
    TokenFileCredentialSource tokenFile = TokenFileCredentialSource.fromEnvironment(root.environment);
    AccessToken token = readToken();

    Hub.Builder hubBuilder = Hub.builder().environment(root.environment).settings(settings).credentials(new Entered(token));
    endpointOptions.apply(hubBuilder);
    WhoAmI account;
    try {
      account = hubBuilder.build().whoami();
    } catch (InvalidTokenException e) {
      throw new InvalidTokenException("The hub at " + settings.endpoint() + " rejected the token: it is malformed,"
          + " expired or revoked. Nothing was saved. Check that you copied the whole token (or create a new one in"
          + " your hub account settings) and run ba login again.", null, null, null, e);
    }
    try {
      tokenFile.write(token);
    } catch (CredentialException e) {
      throw new UncheckedIOException(e.getMessage(),
          e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getMessage(), e));
    }
    out.println("Logged in as " + account.name() + " (token '" + account.tokenName().orElse("unnamed") + "', role "
        + account.tokenRole().orElse("unknown") + "); token saved to " + tokenFile.path());
    String variable = EnvironmentCredentialSource.DEFAULT_VARIABLE;
    String fromEnvironment = root.environment.get(variable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      err.println("note: " + variable + " is set and is used before the token file; unset it to use the saved token.");
    }
    return ExitCodes.OK;
  }

  private AccessToken readToken() {
    char[] secret;
    if (!tokenStdin && root.terminal.isInteractive()) {
      secret = root.terminal.readSecret("Access token (input is hidden): ").orElse(new char[0]);
    } else {
      secret = firstLineOfStdin();
    }
    try {
      String text = new String(secret);
      if (text.isBlank()) {
        throw new IllegalArgumentException("no access token was given: type or paste it at the prompt, or pipe it in,"
            + " e.g. `ba login --token-stdin < token.txt`");
      }
      return AccessToken.of(text);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private char[] firstLineOfStdin() {
    BufferedReader reader = new BufferedReader(new InputStreamReader(root.stdin, StandardCharsets.UTF_8));
    try {
      String line = reader.readLine();
      return line == null ? new char[0] : line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the access token from standard input: " + e.getMessage(), e);
    }
  }

  /** The token being checked, named so that a rejection says where it came from. */
  private static final class Entered implements CredentialSource {
    private final AccessToken token;

    Entered(AccessToken token) {
      this.token = token;
    }

    @Override
    public Optional<AccessToken> resolve() {
      return Optional.of(token);
    }

    @Override
    public String describe() {
      return "the token given to ba login";
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
