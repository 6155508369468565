package ai.boinc.transformers.templates;

import java.util.List;

/**
 * What any template text must come to: a {@link TemplateSyntaxException} with a line and column,
 * or renderings that give a string or a typed {@link TemplateException} — never another
 * exception, never an engine bug ({@code InternalError}); small bounds guarantee the end.
 */
final class TemplateOutcome {
  static final TemplateLimits SMALL = TemplateLimits.builder()
      .maxSteps(20_000).maxCallDepth(30).maxOutputLength(200_000).build();

  private TemplateOutcome() {}

  /** Returns how many of the requests rendered to a string (-1: it did not compile). */
  static int check(String source, List<ChatRequest> requests) {
    ChatTemplate template;
    try {
      template = ChatTemplate.compile(source).withLimits(SMALL);
    } catch (TemplateSyntaxException e) {
      if (e.line() < 1 || e.column() < 1) {
        throw new AssertionError("no position in " + e + " for:\n" + source);
      }
      return -1;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("compiling threw " + e + " for:\n" + source, e);
    }
    int rendered = 0;
    for (ChatRequest r : requests) {
      try {
        template.render(r);
        rendered++;
      } catch (TemplateRuntimeException e) {
        if (e.pythonType().equals("InternalError")) {
          throw new AssertionError("engine bug " + e + " rendering:\n" + source, e);
        }
      } catch (TemplateException e) {
        // typed: fine
      } catch (RuntimeException | Error e) {
        throw new AssertionError("rendering threw " + e + " for:\n" + source, e);
      }
    }
    return rendered;
  }
}
