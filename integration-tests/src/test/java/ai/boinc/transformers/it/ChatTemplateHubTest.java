package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.TransformersException;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.templates.ChatTemplateUsageException;
import ai.boinc.transformers.templates.RaiseExceptionError;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AutoTokenizer.fromPretrained(...).applyChatTemplate(...)} against {@code LocalHub}: the
 * template comes from the repository's {@code chat_template.jinja} (over the config's), or from the
 * named templates of its {@code tokenizer_config.json}. Expected prompts and ids are golden lines of
 * testdata/chat.
 */
class ChatTemplateHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REFUSING = "{{ raise_exception('the config template was used') }}";

  @TempDir Path cache;

  private static Path chat() {
    return Fixtures.root().resolve("chat");
  }

  private static String template(String id) throws IOException {
    return Files.readString(chat().resolve("templates").resolve(id + ".jinja"), StandardCharsets.UTF_8);
  }

  /** The llama-3 fixture's tokenizer_config.json with {@code chat_template} replaced. */
  @SuppressWarnings("unchecked")
  private static String llama3Config(Object chatTemplate) throws IOException {
    Map<String, Object> config = JSON.readValue(
        Fixtures.tokenizerDir("llama-3").resolve("tokenizer_config.json").toFile(), LinkedHashMap.class);
    config.put("chat_template", chatTemplate);
    return JSON.writeValueAsString(config);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> conversation(String id) throws IOException {
    for (String line : Files.readAllLines(chat().resolve("conversations.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> c = JSON.readValue(line, LinkedHashMap.class);
      if (c.get("id").equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no conversation " + id);
  }

  /** The golden line of a template and conversation, with the generation prompt, no kwargs, not continued. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> golden(String template, String conversation) throws IOException {
    for (String line : Files.readAllLines(chat().resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> g = JSON.readValue(line, LinkedHashMap.class);
      Map<String, Object> options = (Map<String, Object>) g.get("options");
      if (g.get("template_id").equals(template) && g.get("conversation_id").equals(conversation)
          && Boolean.TRUE.equals(options.get("add_generation_prompt")) && options.get("kwargs") == null
          && Boolean.FALSE.equals(options.get("continue_final_message"))) {
        return g;
      }
    }
    throw new AssertionError("no golden line for " + template + " x " + conversation);
  }

  private static int[] ids(Map<String, Object> golden) {
    @SuppressWarnings("unchecked")
    List<Integer> ids = (List<Integer>) golden.get("ids");
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> messages(Map<String, Object> conversation) {
    return (List<Map<String, Object>>) conversation.get("messages");
  }

  /** A hub with one repository: the llama-3 fixture's tokenizer.json, this config, a chat_template.jinja if given. */
  private static LocalHub hub(String repo, String config, String jinja) throws IOException {
    HubRepo.Builder files = HubRepo.model(repo).publicRepo()
        .file("tokenizer.json", Files.readAllBytes(Fixtures.tokenizerDir("llama-3").resolve("tokenizer.json")))
        .file("tokenizer_config.json", config);
    if (jinja != null) {
      files.file("chat_template.jinja", jinja);
    }
    return LocalHub.builder().repo(files.build()).start();
  }

  private ModelTokenizer load(LocalHub hub, String repo) {
    Hub client = Hub.builder()
        .settings(HubSettings.builder().endpoint(hub.endpoint()).cacheDir(cache).build())
        .build();
    return AutoTokenizer.fromPretrained(repo, client);
  }

  @Test
  void aRepositorysChatTemplateJinjaIsUsedOverTheConfigs() throws IOException {
    try (LocalHub hub = hub("acme/jinja", llama3Config(REFUSING), template("llama-3-instruct"))) {
      ModelTokenizer tokenizer = load(hub, "acme/jinja");
      Map<String, Object> expected = golden("llama-3-instruct", "system-user");
      List<Map<String, Object>> messages = messages(conversation("system-user"));

      assertThat(tokenizer.chatTemplates()).containsOnlyKeys("default");
      assertThat(tokenizer.applyChatTemplate(messages, ChatOptions.withGenerationPrompt()))
          .isEqualTo(expected.get("rendered"));
      assertThat(tokenizer.applyChatTemplateIds(messages, ChatOptions.withGenerationPrompt()))
          .containsExactly(ids(expected));
    }
  }

  @Test
  void namedTemplatesOfTheConfigChooseToolUseWithToolsElseDefault() throws IOException {
    List<Map<String, String>> named = List.of(
        Map.of("name", "default", "template", template("llama-3-instruct")),
        Map.of("name", "tool_use", "template", template("hermes-2-pro-llama-3-8b")));
    try (LocalHub hub = hub("acme/named", llama3Config(named), null)) {
      ModelTokenizer tokenizer = load(hub, "acme/named");
      Map<String, Object> tools = conversation("tools-query");
      @SuppressWarnings("unchecked")
      ChatOptions withTools = ChatOptions.newBuilder()
          .tools((List<Map<String, Object>>) tools.get("tools"))
          .addGenerationPrompt(true)
          .build();
      Map<String, Object> plain = golden("llama-3-instruct", "single-user");

      assertThat(tokenizer.chatTemplates()).containsOnlyKeys("default", "tool_use");
      assertThat(tokenizer.applyChatTemplate(messages(tools), withTools))
          .isEqualTo(golden("hermes-2-pro-llama-3-8b", "tools-query").get("rendered"));
      assertThat(tokenizer.applyChatTemplate(messages(tools), withTools.toBuilder().templateName("default").build()))
          .isEqualTo(golden("llama-3-instruct", "tools-query").get("rendered"));
      assertThat(tokenizer.applyChatTemplateIds(messages(conversation("single-user")), ChatOptions.withGenerationPrompt()))
          .containsExactly(ids(plain));
      assertThatThrownBy(() -> tokenizer.applyChatTemplate(messages(tools),
              ChatOptions.newBuilder().templateName("rag").build()))
          .isInstanceOf(ChatTemplateUsageException.class)
          .hasMessageContaining("'rag'")
          .hasMessageContaining("tool_use");
    }
  }

  @Test
  void aTemplatesRefusalIsARaiseExceptionErrorUnderTheSdkRoot() throws IOException {
    try (LocalHub hub = hub("acme/refusing", llama3Config(REFUSING), null)) {
      ModelTokenizer tokenizer = load(hub, "acme/refusing");

      assertThatThrownBy(() -> tokenizer.applyChatTemplate(messages(conversation("single-user"))))
          .isExactlyInstanceOf(RaiseExceptionError.class)
          .isInstanceOf(TransformersException.class)
          .hasMessage("the config template was used");
    }
  }
}
