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
      EnvCommand.class,
      DemoCommand.class,
      HelpCommand.class
    })
final class BaCommand {
  @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Log every hub, CDN and Vault request to standard error, secrets left out (like BA_LOG=debug).")
  void debug(boolean on) {
    if (on) {
      debugLog.enable();
    }
  }

  /** Where --debug and BA_LOG=debug send the SDK's request log for this run. */
  final DebugLog debugLog;

  /** The environment the commands read (the process environment, or a test's). */
  final Map<String, String> environment;

  /** Standard input ({@code ba login} reads a piped token from it). */
  final InputStream stdin;

  /** The user's terminal, or {@link Terminal#none()} when input or output is redirected. */
  final Terminal terminal;

  BaCommand(Map<String, String> environment, InputStream stdin, Terminal terminal, DebugLog debugLog) {
    this.environment = environment;
    this.debugLog = debugLog;
    this.stdin = stdin;
    this.terminal = terminal;
  }
}
