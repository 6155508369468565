package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-digit hosts that are not IPv4 literals are resolved by name (DNS) in Origin.isLoopback. */
class OriginKnownBugsTest {
  @Test
  void allDigitNamesAreNotResolved(@TempDir Path dir) throws Exception {
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 trap.test 4294967296 12345678901\n", StandardCharsets.US_ASCII);
    String cp = Paths.get(Origin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + File.pathSeparator
        + Paths.get(OriginDnsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process p = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djdk.net.hosts.file=" + hosts, "-cp", cp, OriginDnsProbe.class.getName(),
            "http://4294967296/", "http://12345678901/"))
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out.lines()).containsExactly(
        "trap resolves to loopback: true", "http://4294967296/ false", "http://12345678901/ false");
  }
}
