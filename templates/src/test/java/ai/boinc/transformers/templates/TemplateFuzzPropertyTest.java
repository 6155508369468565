package ai.boinc.transformers.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Random and mutated templates: each either fails to compile with a {@link TemplateSyntaxException}
 * carrying a line and column, or renders within small bounds to a string or a typed {@link
 * TemplateException} — never another exception, never an engine bug, never a hang (the step and
 * length bounds, not a timer, guarantee the end).
 */
class TemplateFuzzPropertyTest {
  private static final long SEED = 0x7E3A1L;
  private static final String[] FRAGMENTS = {"{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "{%+",
    " ", " ", "\n", "  \n", "\t", "x", "y", "ns", "messages", "message", "loop", "m", "if", "elif", "else", "endif",
    "for", "in", "endfor", "set", "endset", "macro", "endmacro", "call", "endcall", "filter", "endfilter", "with",
    "endwith", "raw", "endraw", "generation", "endgeneration", "break", "continue", "recursive", "is", "not", "and",
    "or", "defined", "none", "true", "false", "sameas", "(", ")", "[", "]", "{", "}", ",", ":", ".", "|", "=", "==",
    "!=", "<", ">=", "+", "-", "*", "/", "//", "%", "**", "~", "'", "\"", "'a'", "\"b\"", "'\\n'", "0", "1", "-1",
    "1.5", "1e3", "range(3)", "range(", "namespace(", "ns.x", "dict(", "raise_exception(", "strftime_now(",
    "'%d %b'", "|trim", "|tojson", "|tojson(indent=2)", "|length", "|join", "|map(attribute='role')", "|items",
    "|selectattr('role', 'equalto', 'user')", "|default('d')", "|string", "|indent(2)", "|int", "|float",
    "|round", "|list", "|first", "|last", "|unique", "|sort", "|dictsort", "|replace('a', 'b')", ".strip()",
    ".split()", ".split(',')", ".startswith('x')", ".title()", ".lstrip('\\n')", ".items()", ".get('role')",
    "[0]", "[-1]", "[1:]", "[::-1]", "['content']", ".content", ".role", "caller()", "loop.index0", "loop.last",
    "varargs", "kwargs", "*", "**", "é", "👋", "\\", "#", "}", "%"};

  private static final List<String> FIXTURE_TEMPLATES = new ArrayList<>();
  private static ChatRequest request;
  private static ChatRequest toolRequest;

  @BeforeAll
  static void load() throws Exception {
    ChatFixtures fixtures = ChatFixtures.load();
    FIXTURE_TEMPLATES.addAll(fixtures.templateTexts.values());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> multi = (List<Map<String, Object>>) fixtures.conversations.get("system-multi-turn")
        .get("messages");
    request = ChatRequest.builder().messages(multi).addGenerationPrompt(true)
        .specialTokens(SpecialTokensMap.of(Map.of("bos_token", "<s>", "eos_token", "</s>")))
        .clock(ChatFixtures.GOLDEN_CLOCK).build();
    for (Map<String, Object> golden : fixtures.golden) {
      if (fixtures.conversations.get((String) golden.get("conversation_id")).get("tools") != null) {
        toolRequest = fixtures.request(golden);
        break;
      }
    }
  }

  private static Gen<String> tokenSoup() {
    return in -> {
      int n = (int) in.next(Constraint.between(1, 60));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(FRAGMENTS[(int) in.next(Constraint.between(0, FRAGMENTS.length - 1))]);
      }
      return sb.toString();
    };
  }

  /** A fixture template with a few random deletions, insertions and duplications. */
  private static Gen<String> mutatedFixture() {
    return in -> {
      StringBuilder sb = new StringBuilder(
          FIXTURE_TEMPLATES.get((int) in.next(Constraint.between(0, FIXTURE_TEMPLATES.size() - 1))));
      int edits = (int) in.next(Constraint.between(1, 6));
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = (int) in.next(Constraint.between(0, sb.length() - 1));
        switch ((int) in.next(Constraint.between(0, 3))) {
          case 0:
            sb.deleteCharAt(at);
            break;
          case 1:
            sb.insert(at, "{}%#-+()[]'\"|.~ \nxa0".charAt((int) in.next(Constraint.between(0, 19))));
            break;
          case 2: {
            int end = Math.min(sb.length(), at + (int) in.next(Constraint.between(1, 80)));
            sb.insert(at, sb.substring(at, end));
            break;
          }
          default:
            sb.insert(at, FRAGMENTS[(int) in.next(Constraint.between(0, FRAGMENTS.length - 1))]);
        }
      }
      return sb.toString();
    };
  }

  private static int compiled;
  private static int rendered;

  private static void check(String source) {
    int result = TemplateOutcome.check(source, List.of(request, toolRequest));
    if (result >= 0) {
      compiled++;
      rendered += result;
    }
  }

  @Test
  void randomTemplatesParseOrFailTyped() {
    compiled = 0;
    rendered = 0;
    qt().withFixedSeed(SEED).withExamples(3000).forAll(tokenSoup()).checkAssert(TemplateFuzzPropertyTest::check);
    // The generator must reach the interpreter, not only the parser.
    assertThat(compiled).isGreaterThan(300);
    assertThat(rendered).isGreaterThan(300);
  }

  @Test
  void mutatedFixtureTemplatesParseOrFailTyped() {
    compiled = 0;
    rendered = 0;
    qt().withFixedSeed(SEED + 1).withExamples(1500).forAll(mutatedFixture())
        .checkAssert(TemplateFuzzPropertyTest::check);
    assertThat(compiled).isGreaterThan(200);
    assertThat(rendered).isGreaterThan(200);
  }
}
