package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.Encoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizersTest {
  private static PretrainedTokenizer llama;

  @BeforeAll
  static void load() {
    llama = Tokenizers.fromDirectory(Fixtures.tokenizerDir("llama-2"));
  }

  @Test
  void configIsParsedAndKept() {
    TokenizerConfig c = llama.config().orElseThrow();
    assertThat(c.bosToken().map(AddedToken::content)).hasValue("<s>");
    assertThat(c.eosToken().map(AddedToken::content)).hasValue("</s>");
    assertThat(c.unkToken().map(AddedToken::content)).hasValue("<unk>");
    assertThat(c.padToken()).isEmpty();
    assertThat(c.addBosToken()).hasValue(true);
    assertThat(c.addEosToken()).hasValue(false);
    assertThat(c.cleanUpTokenizationSpaces()).hasValue(false);
    // 1e30 in the file does not overflow.
    assertThat(c.modelMaxLength()).hasValue(Long.MAX_VALUE);
  }

  @Test
  void configWithPlainStringsAndFloatLength(@TempDir Path dir) throws IOException {
    Files.copy(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    Files.writeString(
        dir.resolve("tokenizer_config.json"),
        "{\"bos_token\":\"<s>\",\"pad_token\":null,\"model_max_length\":1e30,\"add_bos_token\":true}");
    TokenizerConfig c = Tokenizers.fromDirectory(dir).config().orElseThrow();
    assertThat(c.bosToken().map(AddedToken::content)).hasValue("<s>");
    assertThat(c.padToken()).isEmpty();
    assertThat(c.modelMaxLength()).hasValue(Long.MAX_VALUE);
  }

  @Test
  void fromFileHasNoConfig() {
    PretrainedTokenizer t =
        Tokenizers.fromFile(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json"));
    assertThat(t.config()).isEmpty();
  }

  @Test
  void vocabularyLookups() {
    assertThat(llama.vocabSize()).isEqualTo(32000);
    assertThat(llama.tokenToId("<s>")).hasValue(1);
    assertThat(llama.idToToken(2)).hasValue("</s>");
    assertThat(llama.tokenToId("no such token")).isEmpty();
    assertThat(llama.idToToken(-5)).isEmpty();
    assertThat(llama.idToToken(32000)).isEmpty();
  }

  @Test
  void loneSurrogatesEncodeAsReplacementCharacter() {
    Encoding lone = llama.encode("a\uD800b");
    Encoding replaced = llama.encode("a\uFFFDb");
    assertThat(lone.ids()).containsExactly(replaced.ids());
    assertThat(lone.offsets()).isDeepEqualTo(replaced.offsets());
  }

  @Test
  void unknownIdsAreDroppedWhenDecodingInTheRawLayer() {
    PretrainedTokenizer raw =
        Tokenizers.fromFile(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json"));
    assertThat(raw.decode(new int[] {15043, 999_999, -1})).isEqualTo(raw.decode(new int[] {15043}));
  }

  @Test
  void tokenizeGivesTokensWithoutSpecialOnes() {
    assertThat(llama.tokenize("Hello")).doesNotContain("<s>").isNotEmpty();
  }
}
