package ai.boinc.transformers.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/** {@code ba}: the transformers-java command line. */
@Command(
    name = "ba",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Download files and tokenizers from the BOINC AI Hub and tokenize text.",
    subcommands = {
      LoginCommand.class,
      LogoutCommand.class,
      WhoamiCommand.class,
      DownloadCommand.class,
      TokenizeCommand.class,
      ChatCommand.class,
      CacheCommand.class,
      DemoCommand.class,
      HelpCommand.class
    })
final class BaCommand {
  @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  /** The environment the commands read (the process environment, or a test's). */
  final Map<String, String> environment;

  /** Standard input ({@code ba login} reads a piped token from it). */
  final InputStream stdin;

  /** The user's terminal, or {@link Terminal#none()} when input or output is redirected. */
  final Terminal terminal;

  BaCommand(Map<String, String> environment, InputStream stdin, Terminal terminal) {
    this.environment = environment;
    this.stdin = stdin;
    this.terminal = terminal;
  }
}
