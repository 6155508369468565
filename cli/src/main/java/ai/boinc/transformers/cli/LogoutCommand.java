package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.env.EnvironmentCredentialSource;
import ai.boinc.transformers.credentials.file.TokenFileCredentialSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ba logout}: deletes the token file. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Deletes the token file that ba login wrote (BA_TOKEN_PATH, default ~/.cache/boincai/token)"
        + " and says whether there was one. BA_ACCESS_TOKEN, if set, stays in effect.")
final class LogoutCommand implements Callable<Integer> {
  @ParentCommand BaCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TokenFileCredentialSource tokenFile = TokenFileCredentialSource.fromEnvironment(root.environment);
    boolean deleted;
    try {
      deleted = tokenFile.delete();
    } catch (CredentialException e) {
      throw new UncheckedIOException(e.getMessage(),
          e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getMessage(), e));
    }
    out.println(deleted
        ? "Logged out: deleted the token file " + tokenFile.path()
        : "Not logged in: there was no token file at " + tokenFile.path());
    String variable = EnvironmentCredentialSource.DEFAULT_VARIABLE;
    String fromEnvironment = root.environment.get(variable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      spec.commandLine().getErr().println("note: " + variable + " is still set, so commands keep using that token;"
          + " unset it to log out completely.");
    }
    return ExitCodes.OK;
  }
}
