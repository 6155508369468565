package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.templates.ChatTemplate;
import ai.boinc.transformers.templates.ChatTemplates;
import ai.boinc.transformers.templates.SpecialTokensMap;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.MissingChatTemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model's chat templates and the special tokens they see, rendering as Python transformers'
 * {@code apply_chat_template(tokenize=False)}. Each template is compiled once, on first use, and
 * kept for the life of this object (a tokenizer and its {@code withPadToken} copies share it).
 * Thread-safe.
 */
final class ChatTemplating {
  private final String model;
  private final Map<String, String> templates;
  private final SpecialTokensMap specialTokens;
  private final Map<String, ChatTemplate> compiled;

  ChatTemplating(String model, Map<String, String> templates, SpecialTokensMap specialTokens) {
    this(model, Map.copyOf(templates), specialTokens, new ConcurrentHashMap<>());
  }

  private ChatTemplating(String model, Map<String, String> templates, SpecialTokensMap specialTokens,
      Map<String, ChatTemplate> compiled) {
    this.model = model;
    this.templates = templates;
    this.specialTokens = specialTokens;
    this.compiled = compiled;
  }

  Map<String, String> templates() {
    return templates;
  }

  SpecialTokensMap specialTokens() {
    return specialTokens;
  }

  /** The same templates, the template variable {@code pad_token} now {@code token} (as Python's setter). */
  ChatTemplating withPadToken(String token) {
    Map<String, Object> tokens = new LinkedHashMap<>(specialTokens.asMap());
    tokens.put("pad_token", token);
    return new ChatTemplating(model, templates, SpecialTokensMap.of(tokens), compiled);
  }

  /** Renders with the model's template: the one named in the options, else the automatic choice. */
  String render(List<? extends Map<String, ?>> messages, ChatOptions options) {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(options, "options");
    if (templates.isEmpty()) {
      throw new MissingChatTemplateException(model);
    }
    String source = ChatTemplates.select(templates, options.templateName().orElse(null), options.tools().isPresent());
    return render(compiled.computeIfAbsent(source, ChatTemplate::compile), messages, options);
  }

  /** Renders with a template given by the caller (compiled through the process-wide cache). */
  String render(String template, List<? extends Map<String, ?>> messages, ChatOptions options) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(options, "options");
    if (options.templateName().isPresent()) {
      throw new IllegalArgumentException("templateName '" + options.templateName().get()
          + "' chooses one of the tokenizer's templates; leave it unset when passing the template text");
    }
    return render(ChatTemplate.compileCached(template), messages, options);
  }

  private String render(ChatTemplate template, List<? extends Map<String, ?>> messages, ChatOptions options) {
    ChatTemplate bounded = template.limits().equals(options.limits()) ? template : template.withLimits(options.limits());
    return bounded.render(options.toRequest(messages, specialTokens));
  }
}
