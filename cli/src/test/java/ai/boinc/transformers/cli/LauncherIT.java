package ai.boinc.transformers.cli;

import ai.boinc.transformers.testkit.DemoHub;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cli/target/ba, the launcher script, run through a symbolic link as an installed command is. */
class LauncherIT {
  @TempDir Path work;

  @Test
  void theLauncherRunsTheJarBesideItThroughALinkWithJavaHomesJava() throws Exception {
    Path launcher = BaProcess.jar().resolveSibling("ba");
    assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("ba"), launcher);

    ProcessBuilder builder = new ProcessBuilder(link.toString(), "demo")
        .directory(work.toFile())
        .redirectOutput(work.resolve("out").toFile())
        .redirectError(work.resolve("err").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("BA_") || name.startsWith("VAULT_"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Duser.home=" + work);
    env.put("PATH", "/usr/bin:/bin"); // the java used must be JAVA_HOME's, not one on the PATH
    env.put("BA_ACCESS_TOKEN", DemoHub.DEMO_TOKEN);
    Process process = builder.start();
    assertThat(process.waitFor(BaProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    String err = Files.readString(work.resolve("err"), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(err).isZero();
    assertThat(Files.readString(work.resolve("out"), StandardCharsets.UTF_8).strip())
        .isEqualTo(DemoCommandTest.goldenHelloWorldIds());
  }
}
