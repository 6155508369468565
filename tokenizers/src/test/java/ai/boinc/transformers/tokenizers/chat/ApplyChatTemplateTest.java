package ai.boinc.transformers.tokenizers.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.templates.ChatTemplateUsageException;
import ai.boinc.transformers.templates.TemplateLimitException;
import ai.boinc.transformers.templates.TemplateLimits;
import ai.boinc.transformers.templates.TemplateSyntaxException;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link ModelTokenizer#applyChatTemplate} adds around the templates module: selection and variables. */
class ApplyChatTemplateTest {
  private static final List<Map<String, String>> HELLO = List.of(Map.of("role", "user", "content", "hello"));
  /** Prints the variable it is asked about, so a test can see what the template was given. */
  private static final String PRINT_PAD = "{{ pad_token }}|{{ messages[0].content }}";

  @TempDir Path dir;

  /** The llama-3 fixture's tokenizer.json with this tokenizer_config.json and optional chat_template.jinja. */
  private ModelTokenizer folder(String config, String jinja) throws IOException {
    Files.copy(Fixtures.tokenizerDir("llama-3").resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    Files.writeString(dir.resolve("tokenizer_config.json"), config);
    if (jinja != null) {
      Files.writeString(dir.resolve("chat_template.jinja"), jinja);
    }
    return Tokenizers.fromDirectory(dir);
  }

  @Test
  void withPadTokenChangesThePadTokenTheTemplateSees() throws IOException {
    ModelTokenizer tokenizer = folder("{\"eos_token\": \"<|end_of_text|>\"}", PRINT_PAD);

    assertThat(tokenizer.specialTokensMap().asMap()).doesNotContainKey("pad_token");
    assertThat(tokenizer.applyChatTemplate(HELLO)).isEqualTo("|hello");
    assertThat(tokenizer.withPadToken("<|end_of_text|>").applyChatTemplate(HELLO)).isEqualTo("<|end_of_text|>|hello");
  }

  @Test
  void specialTokensMapJsonOverridesTheConfigsTokensForTheTemplate() throws IOException {
    Files.writeString(dir.resolve("special_tokens_map.json"), "{\"pad_token\": {\"content\": \"<|end_of_text|>\"}}");
    ModelTokenizer tokenizer = folder("{\"pad_token\": \"<|begin_of_text|>\"}", PRINT_PAD);

    assertThat(tokenizer.applyChatTemplate(HELLO)).isEqualTo("<|end_of_text|>|hello");
  }

  @Test
  void aTemplateGivenByTheCallerIsUsedAndCannotBeNamed() throws IOException {
    ModelTokenizer gpt2 = Tokenizers.fromDirectory(Fixtures.tokenizerDir("gpt2"));

    assertThat(gpt2.applyChatTemplate("{{ messages[0].content }}!", HELLO, ChatOptions.defaults())).isEqualTo("hello!");
    assertThatThrownBy(() -> gpt2.applyChatTemplate("x", HELLO, ChatOptions.newBuilder().templateName("default").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("templateName 'default'");
    assertThatThrownBy(() -> gpt2.applyChatTemplate("{% if %}", HELLO, ChatOptions.defaults()))
        .isInstanceOf(TemplateSyntaxException.class);
  }

  @Test
  void namedTemplatesWithoutDefaultNeedANameUnlessToolsChooseToolUse() throws IOException {
    ModelTokenizer tokenizer = folder("{\"chat_template\": [{\"name\": \"tool_use\", \"template\": \"T\"},"
        + " {\"name\": \"rag\", \"template\": \"R\"}]}", null);

    assertThatThrownBy(() -> tokenizer.applyChatTemplate(HELLO))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("no default");
    assertThat(tokenizer.applyChatTemplate(HELLO, ChatOptions.newBuilder().tools(List.of(Map.of("type", "function"))).build()))
        .isEqualTo("T");
    assertThat(tokenizer.applyChatTemplate(HELLO, ChatOptions.newBuilder().templateName("rag").build())).isEqualTo("R");
  }

  @Test
  void theOptionsLimitsBoundTheTokenizersTemplate() throws IOException {
    ModelTokenizer tokenizer = folder("{}", "{% for i in range(1000) %}{{ i }}{% endfor %}");
    ChatOptions tight = ChatOptions.newBuilder().limits(TemplateLimits.builder().maxOutputLength(100).build()).build();

    assertThat(tokenizer.applyChatTemplate(HELLO)).hasSize(2890);
    assertThatThrownBy(() -> tokenizer.applyChatTemplate(HELLO, tight)).isInstanceOf(TemplateLimitException.class);
    assertThat(tokenizer.applyChatTemplate(HELLO)).as("the compiled template keeps its defaults").hasSize(2890);
  }
}
