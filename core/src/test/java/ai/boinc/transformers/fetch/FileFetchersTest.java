package ai.boinc.transformers.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFetchersTest {

  /** A fetcher that only names itself; discovery never sends a request. */
  static final class NamedFetcher implements FileFetcher {
    private final String agent;

    NamedFetcher(String agent) {
      this.agent = agent;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public String agent() {
      return agent;
    }
  }

  public static final class Slow implements FileFetcherProvider {
    @Override
    public String id() {
      return "slow";
    }

    @Override
    public int order() {
      return 200;
    }

    @Override
    public FileFetcher create() {
      return new NamedFetcher("slow/1");
    }
  }

  public static final class Fast implements FileFetcherProvider {
    @Override
    public String id() {
      return "fast";
    }

    @Override
    public int order() {
      return 100;
    }

    @Override
    public FileFetcher create() {
      return new NamedFetcher("fast/1");
    }
  }

  /** A class loader that sees the given providers through a services file in {@code dir}. */
  private URLClassLoader loaderWith(Path dir, Class<?>... providers) throws IOException {
    Path services = dir.resolve("META-INF/services/" + FileFetcherProvider.class.getName());
    Files.createDirectories(services.getParent());
    StringBuilder lines = new StringBuilder();
    for (Class<?> provider : providers) {
      lines.append(provider.getName()).append('\n');
    }
    Files.writeString(services, lines, StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void noneFoundNamesTheModulesToAdd() throws IOException {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> FileFetchers.discover(null, empty))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("transformers-transport-jdk")
          .hasMessageContaining("transformers-transport-okhttp")
          .hasMessageContaining("fileFetcher(");
    }
  }

  @Test
  void withoutAnIdTheLowestOrderWins(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderWith(dir, Slow.class, Fast.class)) {
      assertThat(FileFetchers.discover(null, loader).agent()).isEqualTo("fast/1");
    }
  }

  @Test
  void anIdChoosesItsProvider(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderWith(dir, Fast.class, Slow.class)) {
      assertThat(FileFetchers.discover("slow", loader).agent()).isEqualTo("slow/1");
    }
  }

  @Test
  void anUnknownIdListsTheFoundOnes(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderWith(dir, Slow.class, Fast.class)) {
      assertThatThrownBy(() -> FileFetchers.discover("okhttp", loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'okhttp'")
          .hasMessageContaining("found: fast, slow");
    }
  }

  @Test
  void providersAreListedPreferredFirst(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderWith(dir, Slow.class, Fast.class)) {
      assertThat(FileFetchers.providers(loader)).extracting(FileFetcherProvider::id).containsExactly("fast", "slow");
    }
  }
}
