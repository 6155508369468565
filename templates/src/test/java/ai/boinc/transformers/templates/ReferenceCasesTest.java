package ai.boinc.transformers.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** reference/reference.jsonl: small templates rendered by the reference renderer (see its README). */
class ReferenceCasesTest {
  @Test
  @SuppressWarnings("unchecked")
  void everyCaseRendersAsTheReference() throws Exception {
    List<String> failures = new ArrayList<>();
    int count = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/reference/reference.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        count++;
        Map<String, Object> c = ChatFixtures.parse(line);
        String source = (String) c.get("template");
        ChatRequest request = ChatRequest.builder()
            .messages((List<Map<String, Object>>) c.get("messages"))
            .tools((List<Map<String, Object>>) c.get("tools"))
            .specialTokens(SpecialTokensMap.fromTokenizerConfig((Map<String, Object>) c.get("special_tokens")))
            .clock(ChatFixtures.GOLDEN_CLOCK)
            .build();
        String actual = null;
        Exception failure = null;
        try {
          actual = ChatTemplate.compile(source).render(request);
        } catch (TemplateException e) {
          failure = e;
        }
        if (c.containsKey("rendered")) {
          if (failure != null) {
            failures.add(source + "\n  expected: " + c.get("rendered") + "\n  failed:   " + failure);
          } else if (!c.get("rendered").equals(actual)) {
            failures.add(source + "\n  expected: " + c.get("rendered") + "\n  actual:   " + actual);
          }
        } else {
          Map<String, Object> error = (Map<String, Object>) c.get("error");
          if (failure == null) {
            failures.add(source + "\n  expected " + error + ", rendered: " + actual);
          } else if ("raise_exception".equals(error.get("kind"))
              && !(failure instanceof RaiseExceptionError && failure.getMessage().equals(error.get("message")))) {
            failures.add(source + "\n  expected " + error + ", got " + failure);
          } else if ("template".equals(error.get("kind")) && !(failure instanceof TemplateRuntimeException
              && ((TemplateRuntimeException) failure).detail().equals(error.get("message")))) {
            failures.add(source + "\n  expected " + error + ", got " + failure);
          }
        }
      }
    }
    assertThat(count).isGreaterThan(100);
    assertThat(failures).as(failures.size() + " of " + count + " reference cases fail:\n"
        + String.join("\n", failures)).isEmpty();
  }
}
