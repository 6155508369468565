package ai.boinc.transformers.tokenizers.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.PretrainedTokenizer;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.Tokenizers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.Generate;

/**
 * With no padding or truncation asked, the model layer's ids are the raw layer's plus the
 * config's BOS/EOS rule, and {@code countTokens} counts them. The rule, restated here from
 * Python's {@code LlamaTokenizerFast.update_post_processor}: Llama, Code Llama and Gemma classes
 * add BOS unless {@code add_bos_token} is false and EOS if {@code add_eos_token} is true; other
 * classes only when a flag is true and {@code tokenizer.json}'s post-processor is a template or
 * missing; otherwise the raw ids stand. QuickTheories prints the seed of a failing run.
 */
class ModelLayerBosEosPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEMPLATE_CLASSES =
      Set.of("LlamaTokenizer", "CodeLlamaTokenizer", "GemmaTokenizer");
  private static final List<String> TRICKY = List.of("<s>", "</s>", " ", "Hello", "▁", "\n", "<unk>", "🤗", "é");

  @TempDir Path temp;

  static List<String> models() {
    return TransformersJsExpectations.MODELS;
  }

  @ParameterizedTest
  @MethodSource("models")
  void shippedFolders(String model) throws IOException {
    check(TransformersJsExpectations.dir(model));
  }

  @ParameterizedTest
  @CsvSource({
    "LlamaTokenizerFast, true, true", "LlamaTokenizer, false, true", "LlamaTokenizer, false, false",
    "GemmaTokenizerFast, , true", "CodeLlamaTokenizer, true, ", "GPT2Tokenizer, false, true",
    "GPT2Tokenizer, true, false", "GPT2Tokenizer, false, false", ", , true"
  })
  void llamaTokenizerJsonWithOtherConfigs(String tokenizerClass, Boolean addBos, Boolean addEos)
      throws IOException {
    ObjectNode config = JSON.createObjectNode().put("bos_token", "<s>").put("eos_token", "</s>").put("unk_token", "<unk>");
    if (tokenizerClass != null) {
      config.put("tokenizer_class", tokenizerClass);
    }
    if (addBos != null) {
      config.put("add_bos_token", addBos);
    }
    if (addEos != null) {
      config.put("add_eos_token", addEos);
    }
    check(ConfigVariants.folder(temp, "llama-2", config.toString()));
  }

  private static void check(Path dir) throws IOException {
    ModelTokenizer model = Tokenizers.fromDirectory(dir);
    PretrainedTokenizer raw = Tokenizers.fromFile(dir.resolve("tokenizer.json"));
    JsonNode config = JSON.readTree(dir.resolve("tokenizer_config.json").toFile());
    String postProcessor = JSON.readTree(dir.resolve("tokenizer.json").toFile()).path("post_processor").path("type").asText(null);
    String cls = config.path("tokenizer_class").asText("").replaceFirst("Fast$", "");
    JsonNode bosFlag = config.get("add_bos_token");
    JsonNode eosFlag = config.get("add_eos_token");
    boolean rebuilt;
    boolean bos;
    boolean eos;
    if (TEMPLATE_CLASSES.contains(cls)) {
      rebuilt = true;
      bos = bosFlag == null || bosFlag.asBoolean();
      eos = eosFlag != null && eosFlag.asBoolean();
    } else {
      bos = bosFlag != null && bosFlag.asBoolean();
      eos = eosFlag != null && eosFlag.asBoolean();
      rebuilt = (bos || eos) && (postProcessor == null || postProcessor.equals("TemplateProcessing"));
    }
    boolean rule = rebuilt;
    boolean addBos = bos;
    boolean addEos = eos;
    qt().withExamples(150)
        .forAll(TextGens.texts(TRICKY, 6), Generate.booleans())
        .checkAssert(
            (text, add) -> {
              int[] expected;
              if (rule && add) {
                int[] body = raw.encode(text, EncodeOptions.addSpecialTokens(false)).ids();
                IntStream ids = IntStream.of(body);
                if (addBos) {
                  ids = IntStream.concat(IntStream.of(model.bosTokenId().getAsInt()), ids);
                }
                if (addEos) {
                  ids = IntStream.concat(ids, IntStream.of(model.eosTokenId().getAsInt()));
                }
                expected = ids.toArray();
              } else {
                expected = raw.encode(text, EncodeOptions.newBuilder().addSpecialTokens(add).noPadding().noTruncation().build()).ids();
              }
              assertThat(model.encode(text, EncodeOptions.addSpecialTokens(add)).ids()).as(text).containsExactly(expected);
              assertThat(model.countTokens(text, add)).as(text).isEqualTo(expected.length);
            });
  }
}
