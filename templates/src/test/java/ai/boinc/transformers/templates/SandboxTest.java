package ai.boinc.transformers.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A template is untrusted input: it reaches no Java object, cannot change the values it is given,
 * and stops at the bounds of {@link TemplateLimits} with a typed error instead of hanging or
 * exhausting memory or stack.
 */
class SandboxTest {
  private static final ChatRequest HELLO = ChatRequest.of(List.of(Map.of("role", "user", "content", "hi")));

  private static String render(String template) {
    return ChatTemplate.compile(template).render(HELLO);
  }

  @Test
  void nestedRangeLoopsStopAtTheStepBound() {
    String forever = "{% for i in range(100000) %}{% for j in range(100000) %}{% for k in range(100000) %}"
        + "{% endfor %}{% endfor %}{% endfor %}";
    assertThatThrownBy(() -> render(forever))
        .isInstanceOf(TemplateLimitException.class)
        .hasMessageContaining("maxSteps")
        .satisfies(e -> assertThat(((TemplateException) e).line()).isEqualTo(1));
  }

  @Test
  void aMacroThatRecursesForeverStopsAtTheDepthBound() {
    assertThatThrownBy(() -> render("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"))
        .isInstanceOf(TemplateLimitException.class)
        .hasMessageContaining("maxCallDepth");
  }

  @Test
  void mutualRecursionThroughCallerStopsToo() {
    String template = "{% macro a() %}{% call b() %}x{% endcall %}{% endmacro %}"
        + "{% macro b() %}{{ caller() }}{{ a() }}{% endmacro %}{{ a() }}";
    assertThatThrownBy(() -> render(template)).isInstanceOf(TemplateLimitException.class);
  }

  @Test
  void aStringThatDoublesEveryIterationStopsAtTheLengthBound() {
    String template = "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        + "{% endfor %}{{ ns.s|length }}";
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateLimitException.class)
        .hasMessageContaining("maxOutputLength");
  }

  @Test
  void hugeRepetitionsAndReplacementsStopBeforeAllocating() {
    assertThatThrownBy(() -> render("{{ 'x' * 10000000000 }}")).isInstanceOf(TemplateLimitException.class);
    assertThatThrownBy(() -> render("{{ ([1] * 100000) * 100000 }}")).isInstanceOf(TemplateLimitException.class);
    assertThatThrownBy(() -> render("{{ ('x' * 100000).replace('', 'y' * 100000) }}"))
        .isInstanceOf(TemplateLimitException.class);
    assertThatThrownBy(() -> render("{{ 'x'.center(2000000000) }}")).isInstanceOf(TemplateLimitException.class);
    assertThatThrownBy(() -> render("{% for i in range(100000) %}{{ 'y' * 1000 }}{% endfor %}"))
        .isInstanceOf(TemplateLimitException.class);
  }

  @Test
  void rangeIsBoundedAsInTheSandbox() {
    assertThatThrownBy(() -> render("{{ range(100001)|length }}"))
        .isInstanceOfSatisfying(TemplateRuntimeException.class,
            e -> assertThat(e.pythonType()).isEqualTo("OverflowError"));
  }

  @Test
  void javaMethodsAreNotReachable() {
    assertThatThrownBy(() -> render("{{ messages.getClass() }}"))
        .isInstanceOfSatisfying(TemplateRuntimeException.class, e -> {
          assertThat(e.pythonType()).isEqualTo("UndefinedError");
          assertThat(e.detail()).isEqualTo("'list object' has no attribute 'getClass'");
        });
    assertThatThrownBy(() -> render("{{ messages[0].getClass().forName('java.lang.Runtime') }}"))
        .isInstanceOf(TemplateRuntimeException.class);
    assertThatThrownBy(() -> render("{{ ''.getClass() }}")).isInstanceOf(TemplateRuntimeException.class);
    assertThatThrownBy(() -> render("{{ raise_exception.getClass() }}")).isInstanceOf(TemplateRuntimeException.class);
  }

  @Test
  void pythonInternalsAreUnsafeUndefined() {
    // As in Jinja2's sandbox: printing the unsafe attribute gives nothing, using it is a SecurityError.
    assertThat(render("[{{ ''.__class__ }}][{{ messages.__class__ }}]")).isEqualTo("[][]");
    assertThatThrownBy(() -> render("{{ ''.__class__.__mro__ }}"))
        .isInstanceOfSatisfying(TemplateRuntimeException.class,
            e -> assertThat(e.pythonType()).isEqualTo("SecurityError"));
    assertThatThrownBy(() -> render("{{ range.__globals__['os'] }}")).isInstanceOf(TemplateRuntimeException.class);
  }

  @Test
  void listsAndDictsAreImmutable() {
    for (String call : List.of("messages.append(1)", "messages.pop()", "messages.clear()", "messages.sort()",
        "messages[0].update({'role': 'x'})", "messages[0].pop('role')", "messages[0].clear()",
        "messages[0].setdefault('a', 1)", "[1].append(2)", "{}.update(a=1)")) {
      assertThatThrownBy(() -> render("{{ " + call + " }}"))
          .as(call)
          .isInstanceOfSatisfying(TemplateRuntimeException.class, e -> {
            assertThat(e.pythonType()).isEqualTo("SecurityError");
            assertThat(e.detail()).contains("is unsafe");
          });
    }
  }

  @Test
  void theCallersValuesAreNeverChanged() {
    java.util.Map<String, Object> message = new java.util.LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", "Paris");
    List<Map<String, Object>> messages = new java.util.ArrayList<>(List.of(message));
    ChatTemplate.compile("{% for m in messages %}{{ m.content }}{% endfor %}")
        .render(ChatRequest.builder().messages(messages).continueFinalMessage(true).build());
    assertThat(message).containsEntry("content", "Paris").hasSize(2);
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    String deep = "{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}";
    assertThatThrownBy(() -> ChatTemplate.compile(deep)).isInstanceOf(TemplateSyntaxException.class);
    String deepList = "{{ " + "[".repeat(50_000) + "]".repeat(50_000) + " }}";
    assertThatThrownBy(() -> ChatTemplate.compile(deepList)).isInstanceOf(TemplateSyntaxException.class);
    String deepIf = "{% if true %}".repeat(5_000) + "{% endif %}".repeat(5_000);
    assertThatThrownBy(() -> ChatTemplate.compile(deepIf)).isInstanceOf(TemplateSyntaxException.class);
  }

  @Test
  void limitsAreConfigurable() {
    ChatTemplate template = ChatTemplate.compile("{% for i in range(1000) %}x{% endfor %}")
        .withLimits(TemplateLimits.builder().maxSteps(100).build());
    assertThatThrownBy(() -> template.render(HELLO)).isInstanceOf(TemplateLimitException.class);
    ChatTemplate small = ChatTemplate.compile("{{ 'x' * 50 }}")
        .withLimits(TemplateLimits.builder().maxOutputLength(10).build());
    assertThatThrownBy(() -> small.render(HELLO)).isInstanceOf(TemplateLimitException.class);
    assertThat(ChatTemplate.compile("{{ 'x' * 50 }}").render(Map.of(), Clock.systemUTC())).hasSize(50);
  }

  @Test
  void syntaxErrorsCarryLineAndColumn() {
    assertThatThrownBy(() -> ChatTemplate.compile("line one\n{% if x %}\n  {{ x + }}\n{% endif %}"))
        .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(10);
        });
    assertThatThrownBy(() -> ChatTemplate.compile("{% for x in y %}"))
        .isInstanceOfSatisfying(TemplateSyntaxException.class,
            e -> assertThat(e.detail()).contains("'endfor'"));
    assertThatThrownBy(() -> ChatTemplate.compile("{% do x %}"))
        .isInstanceOfSatisfying(TemplateSyntaxException.class,
            e -> assertThat(e.detail()).isEqualTo("Encountered unknown tag 'do'."));
  }

  @Test
  void runtimeErrorsCarryTheLine() {
    assertThatThrownBy(() -> render("a\nb\n{{ 'x' + 1 }}"))
        .isInstanceOfSatisfying(TemplateRuntimeException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThatThrownBy(() -> render("\n{% if true %}\n{{ raise_exception('no') }}{% endif %}"))
        .isInstanceOfSatisfying(RaiseExceptionError.class, e -> {
          assertThat(e.getMessage()).isEqualTo("no");
          assertThat(e.line()).isEqualTo(3);
        });
  }

  @Test
  void valuesThatAreNotJsonLikeAreRefusedBeforeRendering() {
    ChatRequest request = ChatRequest.of(List.of(Map.of("role", "user", "content", new Object())));
    assertThatThrownBy(() -> ChatTemplate.compile("{{ messages }}").render(request))
        .isInstanceOf(ChatTemplateUsageException.class)
        .hasMessageContaining("messages[0].content")
        .hasMessageContaining("java.lang.Object");
  }
}
