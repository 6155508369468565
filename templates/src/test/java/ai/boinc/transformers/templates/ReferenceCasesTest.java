package ai.boinc.transformers.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference renderer's outputs in src/test/resources/reference (see its README). */
class ReferenceCasesTest {
  private static List<Map<String, Object>> lines(String resource) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        ReferenceCasesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        out.add(ChatFixtures.parse(line));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static ChatRequest.Builder request(Map<String, Object> c) {
    return ChatRequest.builder()
        .messages((List<Map<String, Object>>) c.get("messages"))
        .tools((List<Map<String, Object>>) c.get("tools"))
        .documents((List<Map<String, Object>>) c.get("documents"))
        .clock(ChatFixtures.GOLDEN_CLOCK);
  }

  @Test
  @SuppressWarnings("unchecked")
  void smallTemplatesRenderAsTheReference() throws Exception {
    List<String> failures = new ArrayList<>();
    List<Map<String, Object>> cases = lines("/reference/reference.jsonl");
    for (Map<String, Object> c : cases) {
      String source = (String) c.get("template");
      ChatRequest.Builder b = request(c)
          .specialTokens(SpecialTokensMap.fromTokenizerConfig((Map<String, Object>) c.get("special_tokens")));
      if (c.get("kwargs") != null) {
        b.extraVariables((Map<String, Object>) c.get("kwargs"));
      }
      ChatRequest r = b.build();
      String failure = ReferenceCheck.difference(source, source, r, c);
      if (failure != null) {
        failures.add(failure);
      }
    }
    assertThat(cases).hasSizeGreaterThan(140);
    assertThat(failures).as(failures.size() + " of " + cases.size() + " reference cases fail:\n"
        + String.join("\n", failures)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void fixtureTemplatesRenderFurtherConversationsAsTheReference() throws Exception {
    ChatFixtures fixtures = ChatFixtures.load();
    Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();
    for (Map<String, Object> c : lines("/reference/conversations.jsonl")) {
      conversations.put((String) c.get("id"), c);
    }
    Map<String, Object> special = new LinkedHashMap<>();
    special.put("bos_token", "<s>");
    special.put("eos_token", "</s>");
    special.put("additional_special_tokens", List.of("<x>"));
    special.put("pad_token", Map.of("content", "<pad>"));
    List<String> failures = new ArrayList<>();
    List<Map<String, Object>> cases = lines("/reference/fixture-templates.jsonl");
    for (Map<String, Object> c : cases) {
      Map<String, Object> options = (Map<String, Object>) c.get("options");
      ChatRequest r = request(conversations.get((String) c.get("conversation_id")))
          .specialTokens(SpecialTokensMap.fromTokenizerConfig(special))
          .addGenerationPrompt(Boolean.TRUE.equals(options.get("add_generation_prompt")))
          .continueFinalMessage(Boolean.TRUE.equals(options.get("continue_final_message")))
          .build();
      String label = c.get("template_id") + " x " + c.get("conversation_id") + " " + options;
      String failure = ReferenceCheck.difference(label, fixtures.templateTexts.get((String) c.get("template_id")), r, c);
      if (failure != null) {
        failures.add(failure);
      }
    }
    assertThat(cases).hasSize(684);
    assertThat(failures).as(failures.size() + " of " + cases.size() + " cases fail:\n"
        + String.join("\n", failures.subList(0, Math.min(10, failures.size())))).isEmpty();
  }
}
