package ai.boinc.transformers.templates.internal;

import ai.boinc.transformers.templates.TemplateLimitException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A parsed template: immutable, rendered any number of times from any thread. */
public final class CompiledTemplate {
  /** The Python type of an engine bug turned into a template failure. */
  public static final String INTERNAL_ERROR = "InternalError";

  private final Stmt.Body body;

  private CompiledTemplate(Stmt.Body body) {
    this.body = body;
  }

  /**
   * Parses a template as Jinja2 with {@code trim_blocks} and {@code lstrip_blocks}.
   *
   * @throws ai.boinc.transformers.templates.TemplateSyntaxException with the line and column
   */
  public static CompiledTemplate compile(String source) {
    try {
      return new CompiledTemplate(Parser.parse(SourceText.of(source)));
    } catch (StackOverflowError e) {
      throw new ai.boinc.transformers.templates.TemplateSyntaxException(
          "the template nests too deeply to parse", 1, 1);
    }
  }

  /**
   * Renders with these variables, already in the value model ({@link JavaValues#convert}).
   *
   * @throws ai.boinc.transformers.templates.TemplateException on any failure
   */
  public String render(Map<String, Object> variables, long maxSteps, int maxDepth, int maxOutput, Clock clock) {
    Renderer renderer = new Renderer(maxSteps, maxDepth, maxOutput, clock).enter();
    try {
      StringBuilder out = new StringBuilder();
      body.render(renderer, new Scope(new HashMap<>(variables)), out);
      return out.toString();
    } catch (ai.boinc.transformers.templates.TemplateException e) {
      throw e;
    } catch (RuntimeException e) {
      // An engine bug must still reach the caller as a template failure, never as an NPE.
      throw new ai.boinc.transformers.templates.TemplateRuntimeException(INTERNAL_ERROR, e.toString(), 0);
    } catch (StackOverflowError e) {
      throw new TemplateLimitException("the template recursed deeper than the Java stack allows; "
          + "lower TemplateLimits.maxCallDepth or give the thread a larger stack", 0);
    } catch (OutOfMemoryError e) {
      throw new TemplateLimitException("the template ran out of memory; lower TemplateLimits.maxOutputLength", 0);
    } finally {
      renderer.exit();
    }
  }
}
