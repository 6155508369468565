package ai.boinc.transformers.credentials.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.testkit.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileCredentialSourceTest {
  @TempDir Path dir;

  @Test
  void readsTheFirstLineTrimmed() throws IOException {
    Path file = write("token", "  ba_first \r\nba_second\n", "rw-------");
    assertThat(TokenFileCredentialSource.of(file).resolve()).contains(AccessToken.of("ba_first"));
  }

  @Test
  void aMissingFileOrFolderIsAbsent() {
    assertThat(TokenFileCredentialSource.of(dir.resolve("token")).resolve()).isEmpty();
    assertThat(TokenFileCredentialSource.of(dir.resolve("no/such/token")).resolve()).isEmpty();
  }

  @Test
  void anEmptyFileOrBlankFirstLineIsAbsent() throws IOException {
    assertThat(TokenFileCredentialSource.of(write("empty", "", "rw-------")).resolve()).isEmpty();
    assertThat(TokenFileCredentialSource.of(write("blank", " \t \nba_second\n", "rw-------")).resolve())
        .isEmpty();
  }

  @Test
  void aDirectoryIsAnErrorNamingTheFileAndTheFix() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("token"));
    var source = TokenFileCredentialSource.of(folder);
    assertThatThrownBy(source::resolve)
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(folder.toString())
        .hasMessageContaining("directory")
        .hasMessageContaining("To fix it")
        .satisfies(e -> assertThat(((CredentialException) e).source()).isEqualTo("file " + folder));
  }

  @Test
  void aFirstLineThatIsNotATokenIsAnErrorThatDoesNotEchoIt() throws IOException {
    Path file = write("token", "ba_secret other words\n", "rw-------");
    assertThatThrownBy(TokenFileCredentialSource.of(file)::resolve)
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("ba_secret")
        .hasMessageNotContaining("other words");
  }

  @Test
  void notUtf8IsAnError() throws IOException {
    Path file = dir.resolve("token");
    Files.write(file, new byte[] {'b', 'a', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThatThrownBy(TokenFileCredentialSource.of(file)::resolve)
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void anOwnerOnlyFileLogsNoWarning() throws IOException {
    assumePosix();
    Path file = write("token", "ba_private\n", "rw-------");
    try (var log = LogCapture.of(TokenFileCredentialSource.class.getName())) {
      assertThat(TokenFileCredentialSource.of(file).resolve()).isPresent();
      assertThat(log.messages(Level.WARNING)).isEmpty();
    }
  }

  @Test
  void aFileOthersCanReadIsUsedWithOneWarningNamingTheChmodFix() throws IOException {
    assumePosix();
    Path file = write("token", "ba_shared\n", "rw-r--r--");
    try (var log = LogCapture.of(TokenFileCredentialSource.class.getName())) {
      var source = TokenFileCredentialSource.of(file);
      assertThat(source.resolve()).contains(AccessToken.of("ba_shared"));
      assertThat(source.resolve()).contains(AccessToken.of("ba_shared"));
      assertThat(TokenFileCredentialSource.of(file).resolve()).isPresent();
      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .satisfies(m -> assertThat(m)
              .contains(file.toString())
              .contains("chmod 600 " + file)
              .contains("rw-r--r--")
              .doesNotContain("ba_shared"));
    }
  }

  @Test
  void aFileTheGroupCanReadAlsoWarns() throws IOException {
    assumePosix();
    Path file = write("token", "ba_group\n", "rw-r-----");
    try (var log = LogCapture.of(TokenFileCredentialSource.class.getName())) {
      assertThat(TokenFileCredentialSource.of(file).resolve()).isPresent();
      assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("chmod 600 " + file);
    }
  }

  @Test
  void writeCreatesAnOwnerOnlyFolderAndFile() throws IOException {
    assumePosix();
    Path file = dir.resolve("home/boincai/token");
    var source = TokenFileCredentialSource.of(file);
    source.write(AccessToken.of("ba_written"));
    assertThat(permissions(file.getParent())).isEqualTo("rwx------");
    assertThat(permissions(file)).isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo("ba_written\n");
    assertThat(source.resolve()).contains(AccessToken.of("ba_written"));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void writeReplacesAnOpenFileWithAnOwnerOnlyOne() throws IOException {
    assumePosix();
    Path file = write("token", "ba_old\n", "rw-r--r--");
    TokenFileCredentialSource.of(file).write(AccessToken.of("ba_new"));
    assertThat(permissions(file)).isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo("ba_new\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void writeBelowAPlainFileIsAnErrorWithoutTheToken() throws IOException {
    assumePosix();
    Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    var source = TokenFileCredentialSource.of(blocker.resolve("token"));
    assertThatThrownBy(() -> source.write(AccessToken.of("ba_unwritten")))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining(blocker.resolve("token").toString())
        .hasMessageNotContaining("ba_unwritten");
  }

  @Test
  void deleteRemovesTheFile() throws IOException {
    Path file = write("token", "ba_gone\n", "rw-------");
    var source = TokenFileCredentialSource.of(file);
    assertThat(source.delete()).isTrue();
    assertThat(source.delete()).isFalse();
    assertThat(source.resolve()).isEmpty();
  }

  @Test
  void concurrentReadersSeeAWholeTokenWhileAWriterReplacesIt() throws Exception {
    Path file = dir.resolve("token");
    var source = TokenFileCredentialSource.of(file);
    source.write(AccessToken.of("ba_aaaaaaaaaaaaaaaa"));
    var tokens = java.util.Set.of(AccessToken.of("ba_aaaaaaaaaaaaaaaa"), AccessToken.of("ba_bbbbbbbbbbbbbbbb"));
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 200; i++) {
        source.write(AccessToken.of(i % 2 == 0 ? "ba_bbbbbbbbbbbbbbbb" : "ba_aaaaaaaaaaaaaaaa"));
      }
    });
    writer.start();
    for (int i = 0; i < 500; i++) {
      assertThat(source.resolve()).get().isIn(tokens);
    }
    writer.join();
  }

  @Test
  void theLocationFollowsTheEnvironment() {
    Path home = dir.resolve("home");
    assertThat(TokenFileCredentialSource.fromEnvironment(Map.of(), home).path())
        .isEqualTo(home.resolve(".cache/boincai/token"));
    assertThat(TokenFileCredentialSource.fromEnvironment(Map.of("XDG_CACHE_HOME", "/xdg"), home).path())
        .isEqualTo(Path.of("/xdg/boincai/token"));
    assertThat(TokenFileCredentialSource.fromEnvironment(
            Map.of("XDG_CACHE_HOME", "/xdg", "BA_HOME", "/ba"), home).path())
        .isEqualTo(Path.of("/ba/token"));
    assertThat(TokenFileCredentialSource.fromEnvironment(
            Map.of("XDG_CACHE_HOME", "/xdg", "BA_HOME", "/ba", "BA_TOKEN_PATH", "/explicit/t"), home).path())
        .isEqualTo(Path.of("/explicit/t"));
  }

  @Test
  void blankVariablesCountAsUnsetAndPathsAreExpanded() {
    Path home = dir.resolve("home");
    assertThat(TokenFileCredentialSource.fromEnvironment(Map.of("BA_TOKEN_PATH", " ", "BA_HOME", ""), home).path())
        .isEqualTo(home.resolve(".cache/boincai/token"));
    assertThat(TokenFileCredentialSource.fromEnvironment(Map.of("BA_HOME", "~/ba"), home).path())
        .isEqualTo(home.resolve("ba/token"));
    assertThat(TokenFileCredentialSource.fromEnvironment(
            Map.of("BA_TOKEN_PATH", "${ROOT}/x/$NAME", "ROOT", "/r", "NAME", "tok"), home).path())
        .isEqualTo(Path.of("/r/x/tok"));
    assertThat(TokenFileCredentialSource.fromEnvironment(Map.of("BA_TOKEN_PATH", "/a/$UNSET/t"), home).path())
        .isEqualTo(Path.of("/a/$UNSET/t"));
  }

  @Test
  void theProviderIsDiscoveredWithOrder200() throws IOException {
    Path file = write("token", "ba_from_file\n", "rw-------");
    var chain = CredentialChain.discover(Map.of("BA_TOKEN_PATH", file.toString()), getClass().getClassLoader());
    assertThat(chain.describe()).isEqualTo("file " + file);
    assertThat(chain.resolveWithSource()).get().satisfies(r -> {
      assertThat(r.token()).isEqualTo(AccessToken.of("ba_from_file"));
      assertThat(r.source()).isEqualTo("file " + file);
    });
    var provider = new TokenFileCredentialSourceProvider();
    assertThat(provider.id()).isEqualTo("file");
    assertThat(provider.order()).isEqualTo(200);
  }

  @Test
  void toStringAndDescribeNeverShowTheToken() throws IOException {
    Path file = write("token", "ba_topsecret\n", "rw-------");
    var source = TokenFileCredentialSource.of(file);
    assertThat(source.toString()).doesNotContain("ba_topsecret").contains(file.toString());
    assertThat(source.describe()).doesNotContain("ba_topsecret");
    assertThat(source.resolve().orElseThrow().toString()).doesNotContain("ba_topsecret");
  }

  private Path write(String name, String content, String permissions) throws IOException {
    Path file = Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    if (isPosix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }
    return file;
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static void assumePosix() {
    assumeThat(isPosix()).as("POSIX file permissions").isTrue();
  }
}
