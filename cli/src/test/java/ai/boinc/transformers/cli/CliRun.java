package ai.boinc.transformers.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of {@code ba}, capturing its output. */
final class CliRun {
  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CliRun run(Map<String, String> env, String... args) {
    return run(env, "", Terminal.none(), args);
  }

  /** A run with {@code stdin} as standard input and {@code terminal} as the user's terminal. */
  static CliRun run(Map<String, String> env, String stdin, Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal,
        new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The last line of standard output. */
  String lastLine() {
    String[] lines = out.split("\n");
    return lines[lines.length - 1];
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
