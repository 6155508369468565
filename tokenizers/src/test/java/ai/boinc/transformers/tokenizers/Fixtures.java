package ai.boinc.transformers.tokenizers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the repository's {@code testdata/} folder: from the {@code transformers.root} system
 * property that Surefire sets, else by walking up from {@code user.dir}.
 */
public final class Fixtures {
  private static final Path ROOT = locate();

  private Fixtures() {}

  /** {@code testdata}. */
  public static Path root() {
    return ROOT;
  }

  /** {@code testdata/tokenizers/<model>}. */
  public static Path tokenizerDir(String model) {
    return ROOT.resolve("tokenizers").resolve(model);
  }

  /** {@code testdata/golden/<model>.jsonl}. */
  public static Path golden(String model) {
    return ROOT.resolve("golden").resolve(model + ".jsonl");
  }

  private static Path locate() {
    String prop = System.getProperty("transformers.root");
    if (prop != null && !prop.isBlank()) {
      Path candidate = Paths.get(prop).toAbsolutePath().normalize().resolve("testdata");
      if (Files.isDirectory(candidate.resolve("tokenizers"))) {
        return candidate;
      }
    }
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("testdata");
      if (Files.isDirectory(candidate.resolve("tokenizers"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find testdata/ from transformers.root=" + prop + " or user.dir=" + dir);
  }
}
