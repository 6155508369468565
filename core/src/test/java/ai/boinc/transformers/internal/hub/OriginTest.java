package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {

  private static Origin origin(String uri) {
    return Origin.of(URI.create(uri));
  }

  @Test
  void defaultPortsAreFilledIn() {
    assertThat(origin("https://hub.example.com/a")).isEqualTo(origin("https://hub.example.com:443/b"));
    assertThat(origin("http://hub.example.com/a")).isEqualTo(origin("http://hub.example.com:80/b"));
    assertThat(origin("https://hub.example.com")).hasToString("https://hub.example.com:443");
    assertThat(origin("http://hub.example.com")).hasToString("http://hub.example.com:80");
  }

  @Test
  void schemeAndHostIgnoreCase() {
    Origin lower = origin("https://hub.example.com/x");
    Origin upper = origin("HTTPS://HUB.Example.COM/y?z=1");
    assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
    assertThat(upper.isHttps()).isTrue();
  }

  @Test
  void schemeHostAndPortEachMatter() {
    Origin hub = origin("https://hub.example.com");
    assertThat(hub).isNotEqualTo(origin("http://hub.example.com"));
    assertThat(hub).isNotEqualTo(origin("https://hub.example.com:8443"));
    assertThat(hub).isNotEqualTo(origin("https://cdn.example.com"));
    assertThat(hub).isNotEqualTo(origin("https://hub.example.com.evil.test"));
    assertThat(origin("http://hub.example.com:443")).isNotEqualTo(origin("https://hub.example.com:443"));
    assertThat(hub).isNotEqualTo("https://hub.example.com:443");
  }

  @Test
  void pathQueryAndUserInfoDoNotMatter() {
    assertThat(origin("https://user@hub.example.com/a/b?c=d#e")).isEqualTo(origin("https://hub.example.com"));
  }

  @Test
  void isHttps() {
    assertThat(origin("https://hub.example.com").isHttps()).isTrue();
    assertThat(origin("http://hub.example.com").isHttps()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/",
        "http://127.5.6.7/",
        "http://127.255.255.254/",
        "http://[::1]:9000/",
        "http://[0:0:0:0:0:0:0:1]/",
        "http://localhost/",
        "http://LOCALHOST:1234/",
        "http://hub.localhost/"
      })
  void loopback(String uri) {
    assertThat(origin(uri).isLoopback()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1.example.com/",
        "http://localhost.example.com/",
        "http://example.com/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://0.0.0.0/",
        "http://128.0.0.1/",
        "http://[::2]/",
        "http://[fe80::1]/",
        "http://notlocalhost/",
        "http://1.2.3.4.5/",
        "http://999.0.0.1/"
      })
  void notLoopback(String uri) {
    assertThat(origin(uri).isLoopback()).isFalse();
  }

  /**
   * {@code isLoopback} must decide from the text alone. A child JVM gets a hosts file (instead of
   * DNS) that maps some names to 127.0.0.1: if {@code isLoopback} resolved names, it would call
   * them loopback. The child also proves that the trap works, and no real DNS is ever asked.
   */
  @Test
  void loopbackDetectionNeverResolvesNames(@TempDir Path dir) throws Exception {
    Path hosts = dir.resolve("hosts");
    Files.writeString(
        hosts,
        "127.0.0.1 trap.test 127.0.0.1.trap.test hub.trap.test\n::1 trap6.test\n",
        StandardCharsets.US_ASCII);
    String classPath =
        codeSource(Origin.class) + File.pathSeparator + codeSource(OriginDnsProbe.class);
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Djdk.net.hosts.file=" + hosts);
    command.add("-cp");
    command.add(classPath);
    command.add(OriginDnsProbe.class.getName());
    command.add("http://trap.test/");
    command.add("http://127.0.0.1.trap.test:8080/");
    command.add("https://hub.trap.test/");
    command.add("http://trap6.test/");
    command.add("http://127.0.0.1/");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines())
        .containsExactly(
            "trap resolves to loopback: true",
            "http://trap.test/ false",
            "http://127.0.0.1.trap.test:8080/ false",
            "https://hub.trap.test/ false",
            "http://trap6.test/ false",
            "http://127.0.0.1/ true");
  }

  private static String codeSource(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

/** Run in a child JVM by {@link OriginTest}: prints whether each argument's origin is loopback. */
final class OriginDnsProbe {
  private OriginDnsProbe() {}

  public static void main(String[] args) throws IOException {
    boolean trapWorks;
    try {
      trapWorks = InetAddress.getByName("trap.test").isLoopbackAddress();
    } catch (UnknownHostException e) {
      trapWorks = false;
    }
    System.out.println("trap resolves to loopback: " + trapWorks);
    for (String arg : args) {
      System.out.println(arg + " " + Origin.of(URI.create(arg)).isLoopback());
    }
  }
}
