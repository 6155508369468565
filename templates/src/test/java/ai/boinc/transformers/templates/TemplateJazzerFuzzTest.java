package ai.boinc.transformers.templates;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Any bytes as a template compile and render to a string or a typed {@link TemplateException}
 * ({@link TemplateOutcome}). In a normal build this replays the seeds in {@code
 * src/test/resources/ai/boinc/transformers/templates/TemplateJazzerFuzzTestInputs/render/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes from them and adds a failing input there.
 */
class TemplateJazzerFuzzTest {
  private static final List<ChatRequest> REQUESTS = List.of(
      ChatRequest.builder()
          .messages(List.of(Map.of("role", "system", "content", "Be brief."), Map.of("role", "user", "content", "Hi"),
              Map.of("role", "assistant", "content", List.of(Map.of("type", "text", "text", "Hello")))))
          .tools(List.of(Map.of("type", "function", "function", Map.of("name", "f", "parameters", Map.of()))))
          .addGenerationPrompt(true)
          .specialTokens(SpecialTokensMap.of(Map.of("bos_token", "<s>", "eos_token", "</s>")))
          .build());

  @FuzzTest(maxDuration = "2m")
  void render(byte[] input) {
    TemplateOutcome.check(new String(input, StandardCharsets.UTF_8), REQUESTS);
  }
}
