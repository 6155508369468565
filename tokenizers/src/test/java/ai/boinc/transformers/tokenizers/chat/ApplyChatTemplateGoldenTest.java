package ai.boinc.transformers.tokenizers.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.boinc.transformers.templates.ChatTemplateUsageException;
import ai.boinc.transformers.templates.RaiseExceptionError;
import ai.boinc.transformers.templates.TemplateException;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * testdata/chat/golden.jsonl through {@link ModelTokenizer#applyChatTemplate}, for the templates
 * whose tokenizer is a fixture: each fixture folder loaded as a model, its own template used when
 * its tokenizer_config.json holds the golden's template, else the golden's template passed in.
 * Rendered strings, ids and errors must all match.
 */
class ApplyChatTemplateGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock GOLDEN_CLOCK =
      Clock.fixed(LocalDateTime.parse("2025-03-05T09:07:02").toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private static final Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
  private static final Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();
  private static final List<Map<String, Object>> golden = new ArrayList<>();

  private static Path chat() {
    return Fixtures.root().resolve("chat");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String line) throws IOException {
    return JSON.readValue(line, LinkedHashMap.class);
  }

  @BeforeAll
  static void load() throws IOException {
    for (String line : Files.readAllLines(chat().resolve("templates.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> t = parse(line);
      templates.put((String) t.get("id"), t);
    }
    for (String line : Files.readAllLines(chat().resolve("conversations.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> c = parse(line);
      conversations.put((String) c.get("id"), c);
    }
    for (String line : Files.readAllLines(chat().resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        golden.add(parse(line));
      }
    }
  }

  /** A template with its fixture tokenizer, and whether the tokenizer's own template is the golden's. */
  private static final class Model {
    final ModelTokenizer tokenizer;
    final String templateText;
    final boolean ownTemplate;

    Model(Map<String, Object> template) throws IOException {
      this.tokenizer = Tokenizers.fromDirectory(Fixtures.tokenizerDir((String) template.get("tokenizer")));
      this.templateText = Files.readString(chat().resolve((String) template.get("file")), StandardCharsets.UTF_8);
      this.ownTemplate = templateText.equals(tokenizer.chatTemplates().get("default"));
    }

    String render(List<Map<String, Object>> messages, ChatOptions options) {
      return ownTemplate ? tokenizer.applyChatTemplate(messages, options)
          : tokenizer.applyChatTemplate(templateText, messages, options);
    }

    int[] ids(List<Map<String, Object>> messages, ChatOptions options) {
      return ownTemplate ? tokenizer.applyChatTemplateIds(messages, options)
          : tokenizer.applyChatTemplateIds(templateText, messages, options);
    }
  }

  private static Map<String, Model> models() throws IOException {
    Map<String, Model> models = new LinkedHashMap<>();
    for (Map<String, Object> t : templates.values()) {
      if (t.get("tokenizer") != null) {
        models.put((String) t.get("id"), new Model(t));
      }
    }
    return models;
  }

  @SuppressWarnings("unchecked")
  private static ChatOptions options(Map<String, Object> line) {
    Map<String, Object> conversation = conversations.get((String) line.get("conversation_id"));
    Map<String, Object> options = (Map<String, Object>) line.get("options");
    ChatOptions.Builder b = ChatOptions.newBuilder()
        .tools((List<Map<String, Object>>) conversation.get("tools"))
        .documents((List<Map<String, Object>>) conversation.get("documents"))
        .addGenerationPrompt(Boolean.TRUE.equals(options.get("add_generation_prompt")))
        .continueFinalMessage(Boolean.TRUE.equals(options.get("continue_final_message")))
        .clock(GOLDEN_CLOCK);
    if (conversation.get("kwargs") != null) {
      b.extraVariables((Map<String, Object>) conversation.get("kwargs"));
    }
    if (options.get("kwargs") != null) {
      b.extraVariables((Map<String, Object>) options.get("kwargs"));
    }
    return b.build();
  }

  @Test
  void theFixtureTokenizersGiveTheGoldenSpecialTokensMap() throws IOException {
    for (Map.Entry<String, Model> e : models().entrySet()) {
      assertThat(e.getValue().tokenizer.specialTokensMap().asMap()).as(e.getKey())
          .isEqualTo(templates.get(e.getKey()).get("special_tokens_map"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyGoldenLineOfAFixtureTokenizer() throws IOException {
    Map<String, Model> models = models();
    assertThat(models.keySet()).containsExactlyInAnyOrder(
        "llama-3-instruct", "qwen3", "gpt2-default", "llama-2-transformers-default", "mistral-7b-instruct-v0.1");
    int cases = 0;
    int withIds = 0;
    int ownTemplate = 0;
    for (Map<String, Object> line : golden) {
      Model model = models.get((String) line.get("template_id"));
      if (model == null) {
        continue;
      }
      cases++;
      ownTemplate += model.ownTemplate ? 1 : 0;
      String id = line.get("template_id") + " x " + line.get("conversation_id") + " " + line.get("options");
      List<Map<String, Object>> messages =
          (List<Map<String, Object>>) conversations.get((String) line.get("conversation_id")).get("messages");
      ChatOptions options = options(line);
      if (line.containsKey("rendered")) {
        assertThat(model.render(messages, options)).as(id).isEqualTo(line.get("rendered"));
        if (line.containsKey("ids")) {
          withIds++;
          List<Integer> expected = (List<Integer>) line.get("ids");
          assertThat(model.ids(messages, options)).as(id)
              .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
      } else {
        Map<String, Object> error = (Map<String, Object>) line.get("error");
        Throwable thrown = catchThrowable(() -> model.render(messages, options));
        assertThat(thrown).as(id).isInstanceOf(TemplateException.class);
        String kind = (String) error.get("kind");
        if (kind.equals("raise_exception")) {
          assertThat(thrown).as(id).isExactlyInstanceOf(RaiseExceptionError.class).hasMessage((String) error.get("message"));
        } else if (kind.equals("api")) {
          assertThat(thrown).as(id).isInstanceOf(ChatTemplateUsageException.class);
        }
      }
    }
    assertThat(withIds).isEqualTo(179);
    assertThat(ownTemplate).as("cases rendered with the tokenizer's own template").isPositive().isLessThan(cases);
    assertThat(cases).isEqualTo(golden.stream().filter(l -> models.containsKey((String) l.get("template_id"))).count());
  }

  @Test
  void aModelWithoutTemplateSaysSoAndWhatToDo() {
    ModelTokenizer gpt2 = Tokenizers.fromDirectory(Fixtures.tokenizerDir("gpt2"));

    assertThatThrownBy(() -> gpt2.applyChatTemplate(List.of(Map.of("role", "user", "content", "hi"))))
        .isInstanceOf(ai.boinc.transformers.tokenizers.MissingChatTemplateException.class)
        .isInstanceOf(ai.boinc.transformers.TransformersException.class)
        .hasMessageContaining("has no chat template")
        .hasMessageContaining("applyChatTemplate(template, messages, options)");
  }
}
