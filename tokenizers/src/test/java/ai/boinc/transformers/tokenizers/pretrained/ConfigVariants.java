package ai.boinc.transformers.tokenizers.pretrained;

import ai.boinc.transformers.tokenizers.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Model folders made for a test: a fixture's {@code tokenizer.json} with another config. */
final class ConfigVariants {
  private ConfigVariants() {}

  /** A new folder under {@code parent} with {@code model}'s tokenizer.json and this tokenizer_config.json. */
  static Path folder(Path parent, String model, String tokenizerConfig) throws IOException {
    Path dir = Files.createTempDirectory(parent, model);
    Files.copy(Fixtures.tokenizerDir(model).resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    Files.writeString(dir.resolve("tokenizer_config.json"), tokenizerConfig);
    return dir;
  }
}
