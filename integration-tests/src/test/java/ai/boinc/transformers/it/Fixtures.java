package ai.boinc.transformers.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds ../shared/fixtures beside the repository root. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    String configured = System.getProperty("transformers.root");
    if (configured != null) {
      Path candidate = Paths.get(configured).toAbsolutePath().normalize().resolveSibling("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/fixtures not found beside the repository root");
  }

  static Path tokenizerDir(String model) {
    return root().resolve("tokenizers").resolve(model);
  }

  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
