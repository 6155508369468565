package ai.boinc.transformers.tokenizers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loaded from their folder, with the shipped {@code tokenizer_config.json} and {@code
 * special_tokens_map.json} applied as Transformers applies them, these models still give every
 * golden line (their configs restate what {@code tokenizer.json} already says).
 */
class ConfigGoldenTest {
  @ParameterizedTest
  @ValueSource(strings = {"llama-2", "mistral"})
  void shippedConfigKeepsTheGoldens(String model) throws IOException {
    PretrainedTokenizer tokenizer = Tokenizers.fromDirectory(Fixtures.tokenizerDir(model));
    List<String> lines = Files.readAllLines(Fixtures.golden(model), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        GoldenTest.assertMatches(tokenizer, model, i + 1, lines.get(i));
      }
    }
  }
}
