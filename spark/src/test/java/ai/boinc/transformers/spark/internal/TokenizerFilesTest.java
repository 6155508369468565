package ai.boinc.transformers.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.testkit.TestData;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerFilesTest {
  @Test
  void readsTokenizerJsonAndTheOptionalFilesThatExist() {
    TokenizerFiles files = TokenizerFiles.read(TestData.tokenizer("llama-2"), "llama-2");
    assertThat(files.files().keySet())
        .containsExactly("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");
    assertThat(files.sha256()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void theHashFollowsNamesAndContents(@TempDir Path a, @TempDir Path b) throws IOException {
    Files.writeString(a.resolve("tokenizer.json"), "{}");
    Files.writeString(b.resolve("tokenizer.json"), "{}");
    assertThat(TokenizerFiles.read(a, "a").sha256()).isEqualTo(TokenizerFiles.read(b, "b").sha256());
    Files.writeString(b.resolve("chat_template.jinja"), "");
    assertThat(TokenizerFiles.read(a, "a").sha256()).isNotEqualTo(TokenizerFiles.read(b, "b").sha256());
    Files.writeString(a.resolve("tokenizer_config.json"), "");
    assertThat(TokenizerFiles.read(a, "a").sha256()).isNotEqualTo(TokenizerFiles.read(b, "b").sha256());
  }

  @Test
  void theExecutorBuildsTheSameTokenizerFromTheBytes() {
    Path dir = TestData.tokenizer("qwen3");
    Tokenizer built = ExecutorTokenizers.get(TokenizerFiles.read(dir, "qwen3"));
    Tokenizer direct = Tokenizers.fromDirectory(dir);
    String text = "Hello world! ¿Qué tal? 你好";
    assertThat(built.encode(text)).isEqualTo(direct.encode(text));
    assertThat(ExecutorTokenizers.get(TokenizerFiles.read(dir, "again"))).isSameAs(built);
  }

  @Test
  void aFolderWithoutTokenizerJsonIsRejected(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("tokenizer_config.json"), "{}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TokenizerFiles.read(dir, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no tokenizer.json in " + dir);
  }
}
