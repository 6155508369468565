package ai.boinc.transformers.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the project's shared test fixtures, {@code ../shared/fixtures} beside the repository
 * root: real tokenizer files and the reference library's golden encodings. Tests read them from
 * there; they are never copied into the repository.
 *
 * <p>The root comes from the {@code transformers.root} system property (the build sets it), else
 * the nearest folder above the working directory that has {@code ../shared/fixtures}.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The {@code fixtures} folder. */
  public static Path root() {
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
    throw new IllegalStateException(
        "../shared/fixtures was not found beside the repository root; set -Dtransformers.root=<repository root>");
  }

  /** The folder of one fixture model, e.g. {@code tokenizers/llama-2}. */
  public static Path tokenizer(String model) {
    return root().resolve("tokenizers").resolve(model);
  }

  /** The golden file of one fixture model, e.g. {@code golden/llama-2.jsonl}. */
  public static Path golden(String model) {
    return root().resolve("golden").resolve(model + ".jsonl");
  }
}
