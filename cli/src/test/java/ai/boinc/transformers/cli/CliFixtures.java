package ai.boinc.transformers.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds ../shared/fixtures beside the repository root. */
final class CliFixtures {
  private CliFixtures() {}

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
}
