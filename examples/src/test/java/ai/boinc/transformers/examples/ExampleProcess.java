package ai.boinc.transformers.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an example's main method in a fresh JVM, with the environment a user would set. */
final class ExampleProcess {
  final int exitCode;
  final String out;
  final String err;

  private ExampleProcess(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static ExampleProcess run(Class<?> main, Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(workDir.resolve("out.txt").toFile())
        .redirectError(workDir.resolve("err.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("BA_") || name.startsWith("VAULT_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(main.getSimpleName() + " did not finish within 60 s");
    }
    return new ExampleProcess(
        process.exitValue(),
        Files.readString(workDir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(workDir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
