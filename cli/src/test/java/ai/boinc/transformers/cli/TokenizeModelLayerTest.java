package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ba tokenize} with a tokenizer folder uses the model's tokenizer: its rows are what
 * Transformers.js gave for the same folder and options (the tokenizers module's expectation
 * files), padding and truncation happen only when asked, and {@code longest} padding of a JSONL
 * file pads across the whole file.
 */
class TokenizeModelLayerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BATCH =
      List.of("Hello world!", "how are you", "The quick brown fox jumps over the lazy dog.", "A");

  @TempDir Path temp;

  @Test
  void aFolderIsTheModelTokenizerWithoutTokenizerJsonPadding() throws Exception {
    CliRun run = tokenize("all-minilm-l6-v2", "--text", "🤗", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode expected = expectation("all-minilm-l6-v2", "encode", "🤗", "{}");
    assertThat(JSON.readTree(run.out).get("ids")).isEqualTo(expected.get("result").get("input_ids"));
  }

  @Test
  void longestPadsAcrossTheWholeFileAsOneBatch() throws Exception {
    List<JsonNode> rows = jsonlRun("all-minilm-l6-v2", "--padding", "longest");

    JsonNode expected = expectation("all-minilm-l6-v2", "batch", null, "{\"padding\":true}").get("result");
    for (int i = 0; i < BATCH.size(); i++) {
      assertThat(rows.get(i).get("ids")).as("row %d", i).isEqualTo(expected.get("input_ids").get(i));
      assertThat(rows.get(i).get("attention_mask")).isEqualTo(expected.get("attention_mask").get(i));
    }
  }

  @Test
  void maxLengthPaddingWithTruncationAsTransformersJs() throws Exception {
    List<JsonNode> rows =
        jsonlRun("qwen3", "--padding", "max_length", "--max-length", "16", "--truncation");

    JsonNode expected =
        expectation("qwen3", "batch", null, "{\"padding\":\"max_length\",\"max_length\":16,\"truncation\":true}")
            .get("result");
    for (int i = 0; i < BATCH.size(); i++) {
      assertThat(rows.get(i).get("ids")).as("row %d", i).isEqualTo(expected.get("input_ids").get(i));
    }
  }

  @Test
  void paddingWithoutAPadTokenNamesTheModelAndTheFix() throws Exception {
    CliRun run = tokenize("llama-2", "--text", "Hello", "--padding", "max_length", "--max-length", "8");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("llama-2", "no pad token", "--pad-token");
  }

  @Test
  void aChosenPadTokenPadsAsTransformersJsDoesWithEos() throws Exception {
    List<JsonNode> rows = jsonlRun("llama-2", "--padding", "longest", "--pad-token", "</s>");

    JsonNode expected = expectation("llama-2", "batch", null, "{\"padding\":true}").get("result");
    for (int i = 0; i < BATCH.size(); i++) {
      assertThat(rows.get(i).get("ids")).as("row %d", i).isEqualTo(expected.get("input_ids").get(i));
    }
  }

  @Test
  void padToMultipleOfRoundsTheLengthUp() throws Exception {
    CliRun run = tokenize("clip", "--text", "how are you", "--json", "--padding", "longest", "--pad-to-multiple-of", "8");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode line = JSON.readTree(run.out);
    JsonNode plain = expectation("clip", "encode", "how are you", "{}").get("result").get("input_ids");
    assertThat(line.get("ids").size()).isEqualTo(8);
    for (int i = 0; i < plain.size(); i++) {
      assertThat(line.get("ids").get(i)).isEqualTo(plain.get(i));
    }
    assertThat(line.get("attention_mask").get(plain.size()).asInt()).isZero();
  }

  @Test
  void callOptionsNeedTheModelLayer() throws Exception {
    CliRun run = tokenize("clip", "--raw", "--text", "x", "--padding", "longest");

    assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("--raw");
  }

  private CliRun tokenize(String model, String... args) {
    List<String> all = new ArrayList<>(List.of("tokenize", "--tokenizer", CliFixtures.root().resolve("tokenizers/" + model).toString()));
    all.addAll(List.of(args));
    return CliRun.run(Map.of(), all.toArray(new String[0]));
  }

  private List<JsonNode> jsonlRun(String model, String... options) throws Exception {
    Path in = temp.resolve("in.jsonl");
    StringBuilder lines = new StringBuilder();
    for (String text : BATCH) {
      lines.append(JSON.writeValueAsString(Map.of("text", text))).append('\n');
    }
    Files.writeString(in, lines.toString());
    List<String> args = new ArrayList<>(List.of("--jsonl", in.toString()));
    args.addAll(List.of(options));
    CliRun run = tokenize(model, args.toArray(new String[0]));
    assertThat(run.exitCode).as(run.toString()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : run.out.lines().toList()) {
      rows.add(JSON.readTree(line));
    }
    assertThat(rows).hasSize(BATCH.size());
    return rows;
  }

  /** The Transformers.js line of this kind, text (or the batch) and options. */
  private static JsonNode expectation(String model, String kind, String text, String options) throws Exception {
    Path file = CliFixtures.root().getParent()
        .resolve("tokenizers/src/test/resources/transformersjs/" + model + ".jsonl");
    JsonNode wanted = JSON.readTree(options);
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode node = JSON.readTree(line);
      if (!node.get("kind").asText().equals(kind) || node.has("pairs") || node.hasNonNull("pair")) {
        continue;
      }
      boolean sameText = text == null ? node.get("texts").equals(JSON.valueToTree(BATCH)) : node.get("text").asText().equals(text);
      JsonNode nodeOptions = node.has("options") ? node.get("options") : JSON.createObjectNode();
      if (sameText && nodeOptions.equals(wanted) && node.path("add_special_tokens").asBoolean(true)) {
        return node;
      }
    }
    throw new AssertionError("no " + kind + " line for " + text + " " + options + " in " + file);
  }
}
