package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.fail;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of {@code golden/<model>.jsonl} for every supported model: all fields must equal
 * what the reference library produced. Adding a model means adding its name to {@link #MODELS}.
 */
class GoldenTest {
  static final List<String> MODELS =
      List.of(
          "llama-2", "mistral", "gpt2", "roberta-base", "clip", "llama-3", "qwen3", "gpt-4o",
          "bert-base-uncased", "bert-base-chinese", "t5-small", "all-minilm-l6-v2");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, PretrainedTokenizer> TOKENIZERS = new ConcurrentHashMap<>();

  static Stream<Arguments> lines() {
    List<Arguments> out = new ArrayList<>();
    for (String model : MODELS) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Fixtures.golden(model), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          out.add(Arguments.of(model, i + 1, lines.get(i)));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} line {1}")
  @MethodSource("lines")
  void matchesReference(String model, int lineNumber, String line) throws IOException {
    PretrainedTokenizer tokenizer =
        TOKENIZERS.computeIfAbsent(
            // Like the goldens: tokenizer.json alone, no tokenizer_config.json.
            model,
            m ->
                Fixtures.withFastPathReady(
                    Tokenizers.fromFile(Fixtures.tokenizerDir(m).resolve("tokenizer.json"))));
    assertMatches(tokenizer, model, lineNumber, line);
  }

  /** Fails unless {@code tokenizer} gives every field of golden {@code line}. */
  static void assertMatches(PretrainedTokenizer tokenizer, String model, int lineNumber, String line)
      throws IOException {
    JsonNode golden = JSON.readTree(line);
    String text = golden.get("text").textValue();
    String pair = golden.get("pair").isNull() ? null : golden.get("pair").textValue();
    boolean add = golden.get("add_special_tokens").booleanValue();
    Encoding e = tokenizer.encode(text, pair, EncodeOptions.addSpecialTokens(add));
    int[][] offsets = e.offsets();
    List<List<Integer>> offsetList = new ArrayList<>();
    for (int[] o : offsets) {
      offsetList.add(List.of(o[0], o[1]));
    }
    String where = model + " line " + lineNumber + " (text " + JSON.writeValueAsString(text) + ")";
    check(where, "ids", ints(golden.get("ids")), box(e.ids()));
    check(where, "tokens", strings(golden.get("tokens")), e.tokens());
    check(where, "offsets", pairs(golden.get("offsets")), offsetList);
    check(where, "attention_mask", ints(golden.get("attention_mask")), box(e.attentionMask()));
    check(where, "type_ids", ints(golden.get("type_ids")), box(e.typeIds()));
    check(where, "special_tokens_mask", ints(golden.get("special_tokens_mask")), box(e.specialTokensMask()));
    check(where, "decoded", golden.get("decoded").textValue(), tokenizer.decode(e.ids()));
    check(
        where,
        "decoded_skip_special",
        golden.get("decoded_skip_special").textValue(),
        tokenizer.decode(e.ids(), DecodeOptions.skipSpecialTokens()));
  }

  private static void check(String where, String field, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      fail("%s: first differing field '%s'%n  expected: %s%n  actual:   %s", where, field, expected, actual);
    }
  }

  private static List<Integer> box(int[] a) {
    return Arrays.stream(a).boxed().collect(java.util.stream.Collectors.toList());
  }

  private static List<Integer> ints(JsonNode a) {
    List<Integer> out = new ArrayList<>();
    a.forEach(n -> out.add(n.intValue()));
    return out;
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.textValue()));
    return out;
  }

  private static List<List<Integer>> pairs(JsonNode a) {
    List<List<Integer>> out = new ArrayList<>();
    a.forEach(n -> out.add(List.of(n.get(0).intValue(), n.get(1).intValue())));
    return out;
  }
}
