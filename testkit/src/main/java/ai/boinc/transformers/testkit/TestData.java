package ai.boinc.transformers.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the repository's {@code testdata/} folder: real tokenizer files, the reference library's
 * golden encodings and the chat fixtures, copied from the team's shared fixtures so that a clone
 * alone runs the tests.
 *
 * <p>The repository root comes from the {@code transformers.root} system property (the build sets
 * it), else the nearest folder above the working directory that has {@code testdata/tokenizers}.
 */
public final class TestData {
  private static final String FOLDER = "testdata";

  private TestData() {}

  /** The {@code testdata} folder. */
  public static Path root() {
    String configured = System.getProperty("transformers.root");
    if (configured != null && !configured.isEmpty()) {
      Path candidate = Paths.get(configured).toAbsolutePath().normalize().resolve(FOLDER);
      if (Files.isDirectory(candidate.resolve("tokenizers"))) {
        return candidate;
      }
    }
    Path start = Paths.get("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FOLDER);
      if (Files.isDirectory(candidate.resolve("tokenizers"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "testdata/ was not found from transformers.root=" + configured + " or " + start
            + "; run from the repository or set -Dtransformers.root=<repository root>");
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
