package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Bad byte-level components in tokenizer.json fail with the JSON path and what was expected. */
class ByteLevelLoadErrorTest {
  private static String tokenizer(String preTokenizer, String postProcessor) {
    return "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":null,"
        + "\"pre_tokenizer\":" + preTokenizer + ",\"post_processor\":" + postProcessor + ","
        + "\"decoder\":{\"type\":\"ByteLevel\"},"
        + "\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1,\"ab\":2,\"\u0120\":3},\"merges\":[\"a b\"]}}";
  }

  private static TokenizerLoadException error(String preTokenizer, String postProcessor) {
    return catchThrowableOfType(
        TokenizerLoadException.class,
        () -> Tokenizers.fromJson(tokenizer(preTokenizer, postProcessor)));
  }

  @Test
  void validFileLoadsAndRoundTrips() {
    PretrainedTokenizer t =
        Tokenizers.fromJson(
            tokenizer(
                "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Split\",\"pattern\":{\"Regex\":\"\\\\s+\"},"
                    + "\"behavior\":\"Isolated\",\"invert\":false},{\"type\":\"ByteLevel\",\"add_prefix_space\":false,"
                    + "\"trim_offsets\":true,\"use_regex\":false}]}",
                "{\"type\":\"ByteLevel\",\"trim_offsets\":true}"));
    assertThat(t.encode("ab a").ids()).containsExactly(2, 3, 0);
    assertThat(t.decode(t.encode("ab a").ids())).isEqualTo("ab a");
  }

  @Test
  void unknownSplitBehavior() {
    TokenizerLoadException e =
        error("{\"type\":\"Split\",\"pattern\":{\"String\":\" \"},\"behavior\":\"Dropped\",\"invert\":false}", "null");
    assertThat(e.jsonPath()).hasValue("$.pre_tokenizer.behavior");
    assertThat(e.getMessage()).contains("MergedWithPrevious").contains("'Dropped'");
  }

  @Test
  void unsupportedRegexNamesWhatAndWhere() {
    TokenizerLoadException e =
        error("{\"type\":\"Split\",\"pattern\":{\"Regex\":\"a\\\\Kb\"},\"behavior\":\"Isolated\",\"invert\":false}", "null");
    assertThat(e.jsonPath()).hasValue("$.pre_tokenizer.pattern.Regex");
    assertThat(e.getMessage()).contains("\\K");
  }

  @Test
  void splitPatternMustBeStringOrRegex() {
    TokenizerLoadException e =
        error("{\"type\":\"Split\",\"pattern\":{\"Glob\":\"*\"},\"behavior\":\"Isolated\",\"invert\":false}", "null");
    assertThat(e.jsonPath()).hasValue("$.pre_tokenizer.pattern");
  }

  @Test
  void wrongFieldTypes() {
    assertThat(error("{\"type\":\"ByteLevel\",\"add_prefix_space\":\"yes\"}", "null").jsonPath())
        .hasValue("$.pre_tokenizer.add_prefix_space");
    assertThat(error("{\"type\":\"Sequence\",\"pretokenizers\":{}}", "null").jsonPath())
        .hasValue("$.pre_tokenizer.pretokenizers");
    assertThat(error("null", "{\"type\":\"RobertaProcessing\",\"sep\":[\"</s>\"],\"cls\":[\"<s>\",0]}").jsonPath())
        .hasValue("$.post_processor.sep");
    assertThat(error("null", "{\"type\":\"BertProcessing\",\"sep\":[\"</s>\",-2],\"cls\":[\"<s>\",0]}").jsonPath())
        .hasValue("$.post_processor.sep[1]");
  }
}
