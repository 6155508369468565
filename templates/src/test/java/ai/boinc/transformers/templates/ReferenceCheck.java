package ai.boinc.transformers.templates;

import java.util.Map;

/** Compares one rendering with a reference line ({@code rendered}, or {@code error} with kind, type and message). */
final class ReferenceCheck {
  private ReferenceCheck() {}

  /** A description of the difference, or null when the rendering is what the reference gives. */
  @SuppressWarnings("unchecked")
  static String difference(String label, String source, ChatRequest request, Map<String, Object> expected) {
    String actual = null;
    TemplateException failure = null;
    try {
      actual = ChatTemplate.compileCached(source).render(request);
    } catch (TemplateException e) {
      failure = e;
    }
    if (expected.containsKey("rendered")) {
      if (failure != null) {
        return label + "\n  expected: " + expected.get("rendered") + "\n  failed:   " + failure;
      }
      return expected.get("rendered").equals(actual) ? null
          : label + "\n  expected: " + expected.get("rendered") + "\n  actual:   " + actual;
    }
    Map<String, Object> error = (Map<String, Object>) expected.get("error");
    if (failure == null) {
      return label + "\n  expected " + error + ", rendered: " + actual;
    }
    boolean same;
    switch ((String) error.get("kind")) {
      case "raise_exception":
        same = failure instanceof RaiseExceptionError && failure.getMessage().equals(error.get("message"));
        break;
      case "template":
        if ("TemplateSyntaxError".equals(error.get("type")) || "SyntaxError".equals(error.get("type"))) {
          // Refused at compile time; the wording of syntax errors is not part of the contract.
          same = failure instanceof TemplateSyntaxException;
        } else {
          same = failure instanceof TemplateRuntimeException
              && ((TemplateRuntimeException) failure).detail().equals(error.get("message"))
              || failure instanceof TemplateSyntaxException
              && ((TemplateSyntaxException) failure).detail().equals(error.get("message"));
        }
        break;
      default:
        same = failure instanceof ChatTemplateUsageException;
    }
    return same ? null : label + "\n  expected " + error + ", got " + failure;
  }
}
