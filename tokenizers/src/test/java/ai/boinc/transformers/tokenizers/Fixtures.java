package ai.boinc.transformers.tokenizers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates {@code ../shared/fixtures} next to the repository root: from the {@code
 * transformers.root} system property that Surefire sets, else by walking up from {@code
 * user.dir}. Fixtures are read in place, never copied into the repository.
 */
public final class Fixtures {
  private static final Path ROOT = locate();

  private Fixtures() {}

  /** {@code shared/fixtures}. */
  public static Path root() {
    return ROOT;
  }

  /** {@code shared/fixtures/tokenizers/<model>}. */
  public static Path tokenizerDir(String model) {
    return ROOT.resolve("tokenizers").resolve(model);
  }

  /** {@code shared/fixtures/golden/<model>.jsonl}. */
  public static Path golden(String model) {
    return ROOT.resolve("golden").resolve(model + ".jsonl");
  }

  private static Path locate() {
    String prop = System.getProperty("transformers.root");
    if (prop != null && !prop.isBlank()) {
      Path candidate = Paths.get(prop).toAbsolutePath().normalize().resolve("../shared/fixtures").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("../shared/fixtures").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find ../shared/fixtures from transformers.root=" + prop + " or user.dir=" + dir);
  }
}
