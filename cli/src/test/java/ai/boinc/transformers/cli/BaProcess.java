package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java -jar cli/target/ba.jar} as a process, in a controlled environment: no {@code
 * BA_*}, {@code HF_*}, {@code VAULT_*}, {@code XDG_*} or {@code COLUMNS} of the caller, {@code HOME}
 * and {@code user.home} in a temp folder, plus the variables a test gives. Output goes to files,
 * so a chatty process never blocks on a full pipe; a process that outlives {@link #TIMEOUT_SECONDS}
 * is destroyed and the test fails.
 */
final class BaProcess {
  static final long TIMEOUT_SECONDS = 60;

  final int exitCode;
  final String out;
  final String err;
  private final String command;

  private BaProcess(int exitCode, String out, String err, String command) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.command = command;
  }

  static Path jar() {
    String configured = System.getProperty("ba.jar");
    Path jar = configured != null ? Paths.get(configured) : Paths.get("target", "ba.jar");
    assertThat(jar).as("ba.jar (built in the package phase; run these tests with mvn verify)").isRegularFile();
    return jar.toAbsolutePath();
  }

  /**
   * Runs {@code ba args} with {@code stdin} as standard input, {@code env} added to the cleaned
   * environment, {@code work} as working folder and home.
   */
  static BaProcess run(Path work, Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    Path home = Files.createDirectories(work.resolve("home"));
    Path io = Files.createTempDirectory(work, "run");
    Path in = Files.writeString(io.resolve("stdin"), stdin, StandardCharsets.UTF_8);
    Path outFile = io.resolve("stdout");
    Path errFile = io.resolve("stderr");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Duser.home=" + home);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectInput(in.toFile())
        .redirectOutput(outFile.toFile())
        .redirectError(errFile.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(BaProcess::isControlled);
    environment.put("HOME", home.toString());
    environment.putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail("ba " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s; stderr so far:\n"
            + Files.readString(errFile, StandardCharsets.UTF_8));
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    return new BaProcess(process.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
        Files.readString(errFile, StandardCharsets.UTF_8), "ba " + String.join(" ", args));
  }

  private static boolean isControlled(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("BA_") || upper.startsWith("HF_") || upper.startsWith("VAULT_")
        || upper.startsWith("XDG_") || upper.equals("COLUMNS") || upper.equals("JAVA_TOOL_OPTIONS")
        || upper.equals("_JAVA_OPTIONS") || upper.equals("JDK_JAVA_OPTIONS");
  }

  /** The last line of standard output. */
  String lastLine() {
    List<String> lines = out.lines().collect(java.util.stream.Collectors.toList());
    assertThat(lines).as(toString()).isNotEmpty();
    return lines.get(lines.size() - 1);
  }

  @Override
  public String toString() {
    return command + ": exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
