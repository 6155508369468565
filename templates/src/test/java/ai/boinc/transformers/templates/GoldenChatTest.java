package ai.boinc.transformers.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every line of testdata/chat/golden.jsonl, through the Java API. */
class GoldenChatTest {
  private static ChatFixtures fixtures;

  @BeforeAll
  static void load() throws Exception {
    fixtures = ChatFixtures.load();
  }

  @Test
  void everySpecialTokensMapIsTheReferences() {
    for (Map<String, Object> t : fixtures.templates.values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> config = (Map<String, Object>) t.get("special_tokens");
      assertThat(SpecialTokensMap.fromTokenizerConfig(config).asMap())
          .as("special tokens of %s", t.get("id"))
          .containsExactlyEntriesOf(castMap(t.get("special_tokens_map")));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void everyGoldenLineRendersAsTheReference() {
    List<String> failures = new ArrayList<>();
    int rendered = 0;
    int errors = 0;
    for (Map<String, Object> golden : fixtures.golden) {
      String id = golden.get("template_id") + " x " + golden.get("conversation_id") + " " + golden.get("options");
      ChatTemplate template = ChatTemplate.compileCached(fixtures.templateTexts.get((String) golden.get("template_id")));
      String actual = null;
      TemplateException failure = null;
      try {
        actual = template.render(fixtures.request(golden));
      } catch (TemplateException e) {
        failure = e;
      }
      if (golden.containsKey("rendered")) {
        rendered++;
        String expected = (String) golden.get("rendered");
        if (failure != null) {
          failures.add(id + ": expected a rendering, got " + failure);
        } else if (!expected.equals(actual)) {
          failures.add(id + ": rendering differs at char " + firstDifference(expected, actual) + "\n  expected: "
              + excerpt(expected, firstDifference(expected, actual)) + "\n  actual:   "
              + excerpt(actual, firstDifference(expected, actual)));
        }
      } else {
        errors++;
        Map<String, Object> error = castMap(golden.get("error"));
        if (failure == null) {
          failures.add(id + ": expected " + error + ", got a rendering");
        } else if ("raise_exception".equals(error.get("kind"))) {
          if (!(failure instanceof RaiseExceptionError) || !failure.getMessage().equals(error.get("message"))) {
            failures.add(id + ": expected raise_exception '" + error.get("message") + "', got " + failure);
          }
        } else if ("api".equals(error.get("kind")) && !(failure instanceof ChatTemplateUsageException)) {
          failures.add(id + ": expected a usage error " + error + ", got " + failure);
        } else if ("template".equals(error.get("kind"))
            && (failure instanceof RaiseExceptionError || failure instanceof ChatTemplateUsageException)) {
          failures.add(id + ": expected a template error " + error + ", got " + failure);
        }
      }
    }
    assertThat(rendered + errors).isEqualTo(1514);
    assertThat(failures).as(failures.size() + " of " + fixtures.golden.size() + " golden lines fail:\n"
        + String.join("\n", failures.subList(0, Math.min(15, failures.size())))).isEmpty();
  }

  private static int firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static String excerpt(String s, int at) {
    int from = Math.max(0, at - 40);
    int to = Math.min(s.length(), at + 60);
    return "\"" + s.substring(from, to).replace("\n", "\\n") + "\"";
  }
}
