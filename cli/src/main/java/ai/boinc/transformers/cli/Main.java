package ai.boinc.transformers.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code ba.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code ba} with the given environment and streams; returns the exit code. */
  public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    BaCommand root = new BaCommand(environment);
    CommandLine commandLine = new CommandLine(root, new CommandFactory(root));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
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
