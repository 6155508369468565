package ai.boinc.transformers.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the template text out of a {@code tokenizer_config.json} {@code chat_template} value, which
 * is either one template or a list of named ones ({@code [{"name": "default", "template": ...},
 * {"name": "tool_use", ...}]}), as Python transformers' {@code get_chat_template} does.
 */
public final class ChatTemplates {
  private ChatTemplates() {}

  /**
   * The template to use: the string itself, or of named templates {@code tool_use} when tools are
   * given and it exists, else {@code default}.
   *
   * @param chatTemplate the {@code chat_template} value: a String, a List of {@code {name,
   *     template}} maps, or a Map from name to template
   * @throws ChatTemplateUsageException when there is no template, or named ones without a default
   */
  public static String select(Object chatTemplate, boolean hasTools) {
    return select(chatTemplate, null, hasTools);
  }

  /**
   * Same, choosing a named template explicitly when {@code name} is not null.
   */
  public static String select(Object chatTemplate, String name, boolean hasTools) {
    if (chatTemplate == null) {
      throw new ChatTemplateUsageException("Cannot use chat template functions because tokenizer.chat_template is "
          + "not set; the tokenizer_config.json has no \"chat_template\" and the repository no chat_template.jinja");
    }
    if (chatTemplate instanceof String) {
      return (String) chatTemplate;
    }
    Map<String, String> named = named(chatTemplate)
        .orElseThrow(() -> new ChatTemplateUsageException("\"chat_template\" must be a string or a list of "
            + "{\"name\", \"template\"} objects, not " + chatTemplate.getClass().getSimpleName()));
    if (name != null) {
      String t = named.get(name);
      if (t == null) {
        throw new ChatTemplateUsageException("no chat template named '" + name + "'; available: " + named.keySet());
      }
      return t;
    }
    if (hasTools && named.containsKey("tool_use")) {
      return named.get("tool_use");
    }
    if (named.containsKey("default")) {
      return named.get("default");
    }
    throw new ChatTemplateUsageException("This model has multiple chat templates with no default specified! Please "
        + "either pass a chat template or the name of the template you wish to use to the `chat_template` "
        + "argument. Available template names are " + new java.util.TreeSet<>(named.keySet()) + ".");
  }

  private static Optional<Map<String, String>> named(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof List) {
      for (Object entry : (List<?>) value) {
        if (!(entry instanceof Map)) {
          return Optional.empty();
        }
        Object n = ((Map<?, ?>) entry).get("name");
        Object t = ((Map<?, ?>) entry).get("template");
        if (!(n instanceof String) || !(t instanceof String)) {
          throw new ChatTemplateUsageException("a named chat template needs a string \"name\" and \"template\"");
        }
        out.put((String) n, (String) t);
      }
      return Optional.of(out);
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getValue() instanceof String)) {
          return Optional.empty();
        }
        out.put(String.valueOf(e.getKey()), (String) e.getValue());
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }
}
