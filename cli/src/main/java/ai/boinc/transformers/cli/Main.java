package ai.boinc.transformers.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code ba.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    OneLineLogFormat.install();
    Map<String, String> environment = System.getenv();
    System.exit(run(args, environment, System.in, Terminal.system(environment),
        new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code ba} with the given environment and streams, without stdin or terminal; returns the exit code. */
  public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    return run(args, environment, new ByteArrayInputStream(new byte[0]), Terminal.none(), out, err);
  }

  /** Runs {@code ba} with the given environment, input, terminal and output; returns the exit code. */
  static int run(String[] args, Map<String, String> environment, InputStream stdin, Terminal terminal,
      PrintWriter out, PrintWriter err) {
    try (DebugLog debugLog = DebugLog.from(environment, err)) {
      return run(args, new BaCommand(environment, stdin, terminal, debugLog), out, err);
    }
  }

  private static int run(String[] args, BaCommand root, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(root, new CommandFactory(root));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setParameterExceptionHandler(ErrorReporter::handleParameterException);
    documentExitCodes(commandLine);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Every command's --help lists the exit codes, as the root's does. */
  private static void documentExitCodes(CommandLine commandLine) {
    commandLine.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.descriptions());
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
        documentExitCodes(sub);
      }
    }
  }

  /** Hands each subcommand the root, so it reads the same environment. */
  private static final class CommandFactory implements CommandLine.IFactory {
    private final BaCommand root;

    CommandFactory(BaCommand root) {
      this.root = root;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == BaCommand.class) {
        return type.cast(root);
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
