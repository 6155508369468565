package ai.boinc.transformers.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The public API around rendering: selection of named templates, special tokens, usage errors, caching, threads. */
class ChatTemplateApiTest {
  private static final List<Map<String, Object>> HELLO = List.of(Map.of("role", "user", "content", "Hello"));

  @Test
  void aStringTemplateIsItself() {
    assertThat(ChatTemplates.select("{{ x }}", true)).isEqualTo("{{ x }}");
  }

  @Test
  void namedTemplatesPickToolUseWithToolsElseDefault() {
    List<Map<String, Object>> named = List.of(Map.of("name", "default", "template", "D"),
        Map.of("name", "tool_use", "template", "T"), Map.of("name", "rag", "template", "R"));
    assertThat(ChatTemplates.select(named, true)).isEqualTo("T");
    assertThat(ChatTemplates.select(named, false)).isEqualTo("D");
    assertThat(ChatTemplates.select(named, "rag", false)).isEqualTo("R");
    assertThat(ChatTemplates.select(List.of(Map.of("name", "default", "template", "D")), true)).isEqualTo("D");
  }

  @Test
  void namedTemplatesWithoutDefaultOrNoTemplateAtAllFailClearly() {
    assertThatThrownBy(() -> ChatTemplates.select(List.of(Map.of("name", "rag", "template", "R")), false))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("no default specified")
        .hasMessageContaining("[rag]");
    assertThatThrownBy(() -> ChatTemplates.select(null, false))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("chat_template");
    assertThatThrownBy(() -> ChatTemplates.select(42, false)).isInstanceOf(ChatTemplateUsageException.class);
  }

  @Test
  void specialTokensFollowTransformersRules() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("add_bos_token", true);
    config.put("eos_token", Map.of("__type", "AddedToken", "content", "</s>", "lstrip", false));
    config.put("bos_token", "<s>");
    config.put("unk_token", null);
    config.put("pad_token", "");
    config.put("additional_special_tokens", List.of("<a>", Map.of("content", "<b>")));
    config.put("extra_special_tokens", Map.of("image_token", "<img>"));
    assertThat(SpecialTokensMap.fromTokenizerConfig(config).asMap()).containsExactly(
        Map.entry("bos_token", "<s>"), Map.entry("eos_token", "</s>"),
        Map.entry("additional_special_tokens", List.of("<a>", "<b>")), Map.entry("image_token", "<img>"));
    assertThat(SpecialTokensMap.fromTokenizerConfig(Map.of("additional_special_tokens", List.of())).asMap()).isEmpty();
  }

  @Test
  void extraVariablesOverrideSpecialTokens() {
    ChatRequest request = ChatRequest.builder().messages(HELLO)
        .specialTokens(SpecialTokensMap.of(Map.of("bos_token", "<s>")))
        .extraVariable("bos_token", "[B]")
        .build();
    assertThat(ChatTemplate.compile("{{ bos_token }}").render(request)).isEqualTo("[B]");
  }

  @Test
  void usageErrorsComeBeforeRendering() {
    ChatTemplate template = ChatTemplate.compile("{% for m in messages %}{{ m.content }}{% endfor %}");
    assertThatThrownBy(() -> template.render(ChatRequest.of(List.of())))
        .isInstanceOf(ChatTemplateUsageException.class);
    assertThatThrownBy(() -> template.render(ChatRequest.builder().messages(HELLO).addGenerationPrompt(true)
        .continueFinalMessage(true).build()))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("not compatible");
    assertThatThrownBy(() -> ChatTemplate.compile("{{ messages|length }}")
        .render(ChatRequest.builder().messages(HELLO).continueFinalMessage(true).build()))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("not an accepted field");
  }

  @Test
  void aTemplateThatDropsTheFinalMessageCannotContinueIt() {
    ChatTemplate dropsLast = ChatTemplate.compile("{% for m in messages[:-1] %}{{ m.content }}{% endfor %}");
    assertThatThrownBy(() -> dropsLast.render(ChatRequest.builder().messages(HELLO).continueFinalMessage(true).build()))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("does not appear in the chat");
  }

  @Test
  void compileCachedReturnsTheSameInstanceForTheSameText() {
    String source = "{{ messages|length }} cached " + System.nanoTime();
    assertThat(ChatTemplate.compileCached(source)).isSameAs(ChatTemplate.compileCached(source));
    assertThat(ChatTemplate.compileCached(source)).isNotSameAs(ChatTemplate.compile(source));
  }

  @Test
  void oneTemplateRendersFromManyThreadsAlike() throws Exception {
    ChatFixtures fixtures = ChatFixtures.load();
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Map<String, Object> g : fixtures.golden) {
      if (g.get("template_id").equals("qwen3") && g.containsKey("rendered")) {
        cases.add(g);
      }
    }
    ChatTemplate template = ChatTemplate.compile(fixtures.templateTexts.get("qwen3"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            for (Map<String, Object> g : cases) {
              if (!template.render(fixtures.request(g)).equals(g.get("rendered"))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(2, TimeUnit.MINUTES)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cases).hasSizeGreaterThan(20);
  }
}
