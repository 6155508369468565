package ai.boinc.transformers.tokenizers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.internal.json.TokenizerJson;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each factory's {@code TYPES} and its {@code switch} agree: every listed type has a case. */
class StageFactoriesTest {
  private static final List<String> STAGES =
      List.of("normalizer", "pre_tokenizer", "model", "post_processor", "decoder");

  @Test
  void everyListedTypeHasItsCase() {
    for (String stage : STAGES) {
      for (String type : factory(stage).types()) {
        JsonValue json = JsonValue.root(TokenizerJson.parse(
            ("{\"type\": \"" + type + "\"}").getBytes(StandardCharsets.UTF_8), "test"));
        try {
          create(stage, json);
        } catch (TokenizerLoadException e) {
          // Missing fields are fine here; an unknown type is not.
          assertThat(e.getMessage()).as(stage + " " + type).doesNotContain("type '" + type + "'");
        }
      }
    }
  }

  @Test
  void typesAreListedInOrder() {
    for (String stage : STAGES) {
      List<String> types = factory(stage).types();
      List<String> sorted = new ArrayList<>(types);
      sorted.sort(null);
      assertThat(types).as(stage).isEqualTo(sorted).doesNotHaveDuplicates();
    }
  }

  @Test
  void anUnlistedTypeIsUnknown() {
    for (String stage : STAGES) {
      JsonValue json = JsonValue.root(TokenizerJson.parse(
          "{\"type\": \"Nope\"}".getBytes(StandardCharsets.UTF_8), "test"));
      assertThatThrownBy(() -> create(stage, json))
          .isInstanceOf(TokenizerLoadException.class)
          .hasMessageStartingWith("unknown " + stage + " type 'Nope' at $; supported: ");
    }
  }

  private static Object create(String stage, JsonValue json) {
    return factory(stage).create(json);
  }

  private static StageFactory<?> factory(String stage) {
    switch (stage) {
      case "normalizer":
        return NormalizerFactory.INSTANCE;
      case "pre_tokenizer":
        return PreTokenizerFactory.INSTANCE;
      case "model":
        return ModelFactory.INSTANCE;
      case "post_processor":
        return PostProcessorFactory.INSTANCE;
      default:
        return DecoderFactory.INSTANCE;
    }
  }
}
