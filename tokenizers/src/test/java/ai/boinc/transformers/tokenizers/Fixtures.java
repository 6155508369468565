package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.models.bpe.Bpe;
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

  /**
   * {@code tokenizer} once the tables of its byte-level fast path are built (they are built on a
   * pool thread after first use, the general path serving until then), so that goldens check the
   * path real traffic takes.
   */
  public static PretrainedTokenizer withFastPathReady(PretrainedTokenizer tokenizer) {
    if (tokenizer instanceof PipelineTokenizer
        && ((PipelineTokenizer) tokenizer).model() instanceof Bpe) {
      Bpe bpe = (Bpe) ((PipelineTokenizer) tokenizer).model();
      if (bpe.isByteLevel() && !bpe.isByteLevelReady()) {
        throw new AssertionError("byte tables not ready after isByteLevel()");
      }
    }
    return tokenizer;
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
