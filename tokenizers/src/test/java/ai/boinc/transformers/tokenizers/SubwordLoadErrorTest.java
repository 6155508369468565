package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Malformed WordPiece / Unigram family components fail with the JSON path of the problem. */
class SubwordLoadErrorTest {
  private static final String VOCAB = "{\"[UNK]\":0,\"a\":1,\"##a\":2}";

  private static String file(String normalizer, String preTokenizer, String model, String decoder) {
    return "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":" + normalizer
        + ",\"pre_tokenizer\":" + preTokenizer + ",\"post_processor\":null,\"decoder\":" + decoder
        + ",\"model\":" + model + "}";
  }

  private static String wordPiece() {
    return "{\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
        + "\"max_input_chars_per_word\":100,\"vocab\":" + VOCAB + "}";
  }

  private static TokenizerLoadException error(String json) {
    return catchThrowableOfType(TokenizerLoadException.class, () -> Tokenizers.fromJson(json));
  }

  @Test
  void modelTypeIsInferredFromOlderFiles() {
    assertThat(Tokenizers.fromJson(file("null", "null", wordPiece(), "null")).tokenize("aa"))
        .containsExactly("a", "##a");
    assertThat(
            Tokenizers.fromJson(file("null", "null", "{\"unk_id\":0,\"vocab\":[[\"<unk>\",0],[\"a\",-1]]}", "null"))
                .tokenize("ab"))
        .containsExactly("a", "b");
  }

  @Test
  void bertNormalizerNeedsItsFlags() {
    TokenizerLoadException e =
        error(file("{\"type\":\"BertNormalizer\",\"clean_text\":true,\"handle_chinese_chars\":true}", "null", wordPiece(), "null"));
    assertThat(e.jsonPath()).hasValue("$.normalizer.lowercase");
  }

  @Test
  void precompiledNeedsAValidCharsmap() {
    assertThat(error(file("{\"type\":\"Precompiled\",\"precompiled_charsmap\":\"%%%\"}", "null", wordPiece(), "null")).getMessage())
        .contains("$.normalizer.precompiled_charsmap")
        .contains("base64");
    assertThat(error(file("{\"type\":\"Precompiled\",\"precompiled_charsmap\":\"AAAAAA==\"}", "null", wordPiece(), "null")).getMessage())
        .contains("invalid precompiled_charsmap");
    assertThat(error(file("{\"type\":\"Precompiled\",\"precompiled_charsmap\":null}", "null", wordPiece(), "null")).jsonPath())
        .hasValue("$.normalizer.precompiled_charsmap");
  }

  @Test
  void metaspaceSettings() {
    String bad = "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"add_prefix_space\":false}";
    assertThat(error(file("null", bad, wordPiece(), "null")).jsonPath())
        .hasValue("$.pre_tokenizer.add_prefix_space");
    String scheme = "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"First\"}";
    assertThat(error(file("null", scheme, wordPiece(), "null")).jsonPath())
        .hasValue("$.pre_tokenizer.prepend_scheme");
    String two = "{\"type\":\"Metaspace\",\"replacement\":\"ab\"}";
    assertThat(error(file("null", "null", wordPiece(), two)).jsonPath()).hasValue("$.decoder.replacement");
    String seq = "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Nope\"}]}";
    assertThat(error(file("null", seq, wordPiece(), "null")).jsonPath())
        .hasValue("$.pre_tokenizer.pretokenizers[0]");
  }

  @Test
  void modelFields() {
    assertThat(error(file("null", "null", "{\"type\":\"WordPiece\",\"unk_token\":\"[UNK]\",\"vocab\":" + VOCAB + "}", "null")).jsonPath())
        .hasValue("$.model.continuing_subword_prefix");
    assertThat(error(file("null", "null", "{\"type\":\"Unigram\",\"unk_id\":5,\"vocab\":[[\"a\",0]]}", "null")).getMessage())
        .contains("$.model.unk_id")
        .contains("not in a vocabulary of 1");
    assertThat(error(file("null", "null", "{\"type\":\"Unigram\",\"vocab\":[[\"a\"]]}", "null")).jsonPath())
        .hasValue("$.model.vocab[0]");
    assertThat(error(file("null", "null", "{\"type\":\"Unigram\",\"vocab\":[[\"a\",\"x\"]]}", "null")).jsonPath())
        .hasValue("$.model.vocab[0][1]");
    assertThat(error(file("null", "null", "{\"type\":\"WordLevel\",\"vocab\":{\"a\":0}}", "null")).jsonPath())
        .hasValue("$.model.unk_token");
  }

  @Test
  void decoderFields() {
    assertThat(error(file("null", "null", wordPiece(), "{\"type\":\"WordPiece\",\"prefix\":\"##\"}")).jsonPath())
        .hasValue("$.decoder.cleanup");
  }
}
