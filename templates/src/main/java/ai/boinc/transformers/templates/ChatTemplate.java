package ai.boinc.transformers.templates;

import ai.boinc.transformers.templates.internal.CompiledTemplate;
import ai.boinc.transformers.templates.internal.JavaValues;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat template compiled once: render it any number of times, from any thread (it is immutable).
 *
 * <p>Renders exactly as Python transformers' {@code apply_chat_template(..., tokenize=False)}: a
 * Jinja2 {@code ImmutableSandboxedEnvironment} with {@code trim_blocks}, {@code lstrip_blocks},
 * {@code loopcontrols} and the {@code {% generation %}} tag; {@code tojson} as {@code json.dumps};
 * the globals {@code raise_exception} and {@code strftime_now}; Python's semantics for values,
 * operators and string methods; the {@code continue_final_message} post-processing. The template
 * reaches only the values it is given, cannot change them, and runs within {@link TemplateLimits}.
 *
 * <pre>{@code
 * ChatTemplate template = ChatTemplate.compileCached(templateText);
 * String prompt = template.render(ChatRequest.builder()
 *     .messages(List.of(Map.of("role", "user", "content", "Hello!")))
 *     .specialTokens(SpecialTokensMap.fromTokenizerConfig(tokenizerConfig))
 *     .addGenerationPrompt(true)
 *     .build());
 * }</pre>
 */
public final class ChatTemplate {
  private static final String CONTINUE_TAG = "CONTINUE_FINAL_MESSAGE_TAG ";
  /** The variables render() is given by name; an extra variable may not repeat them. */
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("messages", "tools", "documents", "add_generation_prompt");
  private static final int CACHE_SIZE = 32;
  private static final Map<String, ChatTemplate> CACHE = new LinkedHashMap<String, ChatTemplate>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ChatTemplate> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private final String source;
  private final CompiledTemplate compiled;
  private final TemplateLimits limits;

  private ChatTemplate(String source, CompiledTemplate compiled, TemplateLimits limits) {
    this.source = source;
    this.compiled = compiled;
    this.limits = limits;
  }

  /**
   * Parses a template text (UTF-8 text as found in {@code tokenizer_config.json} or {@code
   * chat_template.jinja}).
   *
   * @throws TemplateSyntaxException with the line and column of the error
   */
  public static ChatTemplate compile(String source) {
    Objects.requireNonNull(source, "source");
    return new ChatTemplate(source, CompiledTemplate.compile(source), TemplateLimits.defaults());
  }

  /**
   * Like {@link #compile}, but returns the same instance for the same text from a small
   * process-wide cache (the {@value #CACHE_SIZE} most recently used), so a tokenizer can call it on
   * every {@code applyChatTemplate} without parsing again.
   */
  public static ChatTemplate compileCached(String source) {
    Objects.requireNonNull(source, "source");
    synchronized (CACHE) {
      ChatTemplate cached = CACHE.get(source);
      if (cached != null) {
        return cached;
      }
    }
    ChatTemplate compiled = compile(source);
    synchronized (CACHE) {
      CACHE.putIfAbsent(source, compiled);
      return CACHE.get(source);
    }
  }

  /** The template text as given. */
  public String source() {
    return source;
  }

  public TemplateLimits limits() {
    return limits;
  }

  /** The same template rendering within other bounds. */
  public ChatTemplate withLimits(TemplateLimits limits) {
    return new ChatTemplate(source, compiled, Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Renders a conversation: the prompt as a string.
   *
   * @throws RaiseExceptionError the template refused the conversation ({@code raise_exception})
   * @throws TemplateRuntimeException the template failed where Python's Jinja2 fails
   * @throws TemplateLimitException a bound of {@link TemplateLimits} was reached
   * @throws ChatTemplateUsageException the request itself cannot be rendered (see the class doc)
   */
  public String render(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    List<Map<String, Object>> messages = request.messages();
    if (messages.isEmpty()) {
      throw new ChatTemplateUsageException("list index out of range: the conversation is empty; "
          + "give at least one message");
    }
    if (request.addGenerationPrompt() && request.continueFinalMessage()) {
      throw new ChatTemplateUsageException("continue_final_message and add_generation_prompt are not compatible. "
          + "Use continue_final_message when you want the model to continue the final message, and "
          + "add_generation_prompt when you want to add a header that will prompt it to start a new assistant "
          + "message instead.");
    }
    Object chat = convert(messages, "messages");
    Object tools = request.tools().map(t -> convert(t, "tools")).orElse(null);
    Object documents = request.documents().map(d -> convert(d, "documents")).orElse(null);
    String finalText = null;
    if (request.continueFinalMessage()) {
      finalText = tagFinalMessage(chat);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("messages", chat);
    variables.put("tools", tools);
    variables.put("documents", documents);
    variables.put("add_generation_prompt", request.addGenerationPrompt());
    request.specialTokens().asMap().forEach((k, v) -> variables.put(k, convert(v, k)));
    for (Map.Entry<String, Object> e : request.extraVariables().entrySet()) {
      if (RESERVED.contains(e.getKey())) {
        // Python passes these to render() itself; a second value is its TypeError.
        throw new TemplateRuntimeException("TypeError",
            "jinja2.environment.Template.render() got multiple values for keyword argument '" + e.getKey() + "'", 0);
      }
      variables.put(e.getKey(), convert(e.getValue(), e.getKey()));
    }
    String rendered = render(variables, request.clock());
    if (finalText != null) {
      rendered = cutAtTag(rendered, finalText);
    }
    return rendered;
  }

  /**
   * Renders with exactly these variables (JSON-like values, see {@link ChatRequest}), without the
   * chat conventions: for templates that are not chat templates, or callers that build the
   * variables themselves.
   */
  public String render(Map<String, ?> variables, Clock clock) {
    Map<String, Object> converted = new HashMap<>();
    variables.forEach((k, v) -> converted.put(k, v instanceof Boolean || v == null || v instanceof String ? v
        : convert(v, k)));
    return compiled.render(converted, limits.maxSteps(), limits.maxCallDepth(), limits.maxOutputLength(),
        Objects.requireNonNull(clock, "clock"));
  }

  private static Object convert(Object value, String path) {
    try {
      return JavaValues.convert(value, path);
    } catch (IllegalArgumentException e) {
      throw new ChatTemplateUsageException(e.getMessage());
    }
  }

  /** Appends the continuation tag to the final message of our own copy; returns its text before the tag. */
  @SuppressWarnings("unchecked")
  private String tagFinalMessage(Object chat) {
    List<Object> list = (List<Object>) chat;
    Object last = list.get(list.size() - 1);
    if (!(last instanceof Map)) {
      throw new ChatTemplateUsageException("the final message must be a JSON object to continue it");
    }
    Map<Object, Object> message = (Map<Object, Object>) last;
    Object content = message.get("content");
    if (content == null) {
      throw new ChatTemplateUsageException(
          "continue_final_message is set but the final message has no \"content\" to continue!");
    }
    if (!source.contains("content")) {
      throw new ChatTemplateUsageException(
          "continue_final_message is set to \"content\" but this is not an accepted field in the chat_template");
    }
    if (content instanceof List) {
      List<Object> parts = (List<Object>) content;
      for (int i = parts.size() - 1; i >= 0; i--) {
        Object part = parts.get(i);
        if (part instanceof Map && ((Map<Object, Object>) part).containsKey("text")) {
          Object text = ((Map<Object, Object>) part).get("text");
          if (!(text instanceof String)) {
            throw new ChatTemplateUsageException("the \"text\" of the final message's last text part is not a string");
          }
          ((Map<Object, Object>) part).put("text", text + CONTINUE_TAG);
          return (String) text;
        }
      }
      throw new ChatTemplateUsageException(
          "continue_final_message is set but we could not find any text to continue in the final message!");
    }
    if (!(content instanceof String)) {
      throw new ChatTemplateUsageException("the final message's \"content\" is not text, so it cannot be continued");
    }
    message.put("content", content + CONTINUE_TAG);
    return (String) content;
  }

  private static String cutAtTag(String rendered, String finalText) {
    String tag = CONTINUE_TAG.trim();
    String stripped = JavaValues.pythonStrip(finalText);
    if (!rendered.contains(stripped) || !rendered.contains(tag)) {
      throw new ChatTemplateUsageException("continue_final_message is set but the final message does not appear in "
          + "the chat after applying the chat template! This can happen if the chat template deletes portions of "
          + "the final message. Please verify the chat template and final message in your chat to ensure they are "
          + "compatible.Final message to continue: " + stripped + "\nRendered chat:\n" + rendered);
    }
    int at = rendered.lastIndexOf(tag);
    if (rendered.startsWith(CONTINUE_TAG, at)) {
      return rendered.substring(0, at);
    }
    return JavaValues.pythonRstrip(rendered.substring(0, at));
  }

  @Override
  public String toString() {
    return "ChatTemplate{" + source.length() + " chars}";
  }
}
