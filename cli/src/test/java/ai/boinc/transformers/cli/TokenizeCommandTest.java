package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizeCommandTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"llama-2", "all-minilm-l6-v2"})
  void rawJsonlOutputIsByteIdenticalToTheGoldenFile(String model) throws Exception {
    // --raw: tokenizer.json alone, whose own padding all-MiniLM's goldens include.
    Path golden = CliFixtures.root().resolve("golden/" + model + ".jsonl");
    Path out = temp.resolve("out.jsonl");

    CliRun run = CliRun.run(Map.of(), "tokenize", "--raw",
        "--tokenizer", CliFixtures.root().resolve("tokenizers/" + model).toString(),
        "--jsonl", golden.toString(), "--output", out.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<String> expected = Files.readAllLines(golden, StandardCharsets.UTF_8);
    List<String> actual = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
    }
  }

  @Test
  void oneTextAsJsonEqualsItsGoldenLine() throws Exception {
    CliRun run = CliRun.run(Map.of(), "tokenize",
        "--tokenizer", CliFixtures.root().resolve("tokenizers/llama-2/tokenizer.json").toString(),
        "--text", "Hello world!", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    String golden = Files.readAllLines(CliFixtures.root().resolve("golden/llama-2.jsonl"), StandardCharsets.UTF_8).get(0);
    assertThat(run.out.strip()).isEqualTo(golden);
  }

  @Test
  void oneTextAsATableShowsIdsTokensOffsetsAndSources() throws Exception {
    CliRun run = CliRun.run(Map.of(), "tokenize",
        "--tokenizer", CliFixtures.root().resolve("tokenizers/llama-2").toString(),
        "--text", "Hello world!");

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<String> lines = run.out.lines().toList();
    assertThat(lines.get(0)).matches("#\\s+ID\\s+TOKEN\\s+OFFSETS\\s+SOURCE");
    assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\d+\\s+\\d+\\s+▁world\\s+\\[5, 11\\)\\s+ world"));
    assertThat(lines.get(lines.size() - 1)).matches("\\d+ tokens");
  }

  @Test
  void aMalformedLineNamesTheFileAndLine() throws Exception {
    Path in = temp.resolve("in.jsonl");
    Files.writeString(in, "{\"text\":\"ok\"}\n{\"text\": 42}\n");

    CliRun run = CliRun.run(Map.of(), "tokenize",
        "--tokenizer", CliFixtures.root().resolve("tokenizers/llama-2").toString(), "--jsonl", in.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("in.jsonl line 2", "\"text\" must be a string");
  }

  @Test
  void aMissingTokenizerIsNotFound() {
    CliRun run = CliRun.run(Map.of(), "tokenize", "--tokenizer", temp.resolve("nothing").toString(), "--text", "x");

    assertThat(run.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err).contains("nothing");
  }

  @Test
  void aFolderWithoutTokenizerJsonIsNotFoundAsAMissingFileIs() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("empty-model"));

    CliRun run = CliRun.run(Map.of(), "tokenize", "--tokenizer", folder.toString(), "--text", "x");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err).startsWith("error: no such file: " + folder.resolve("tokenizer.json"));
  }

  @Test
  void aMalformedTokenizerIsBadInput() throws Exception {
    Path broken = temp.resolve("tokenizer.json");
    Files.writeString(broken, "{\"model\": 7}");

    CliRun run = CliRun.run(Map.of(), "tokenize", "--tokenizer", broken.toString(), "--text", "x");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).startsWith("error: " + broken + ": ").contains("$.model");
  }
}
