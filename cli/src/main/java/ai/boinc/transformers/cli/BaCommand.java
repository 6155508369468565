package ai.boinc.transformers.cli;

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
    subcommands = {DemoCommand.class, TokenizeCommand.class, CacheCommand.class, HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:unexpected error (rerun with --verbose)",
      "2:usage error",
      "3:authentication or access error",
      "4:repository, revision or file not found",
      "5:hub unreachable or not in the offline cache",
      "6:malformed input file",
      "7:cache or output could not be written"
    })
final class BaCommand {
  @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  /** The environment the commands read (the process environment, or a test's). */
  final Map<String, String> environment;

  BaCommand(Map<String, String> environment) {
    this.environment = environment;
  }
}
