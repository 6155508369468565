package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.templates.TemplateLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@link ModelTokenizer#applyChatTemplate}: Python transformers' (and
 * Transformers.js's) {@code apply_chat_template} keyword arguments {@code tools}, {@code
 * documents}, {@code add_generation_prompt}, {@code continue_final_message}, {@code **kwargs},
 * the template's name ({@code chat_template="tool_use"}), plus the clock of {@code strftime_now}.
 *
 * <p>Tools, documents and extra variables are JSON-like Java values, as {@link
 * ai.boinc.transformers.templates.ChatRequest} describes. Immutable; build with {@link #newBuilder()}.
 */
public final class ChatOptions {
  private static final ChatOptions DEFAULTS = newBuilder().build();

  private final List<Map<String, Object>> tools;
  private final List<Map<String, Object>> documents;
  private final boolean addGenerationPrompt;
  private final boolean continueFinalMessage;
  private final Map<String, Object> extraVariables;
  private final String templateName;
  private final Clock clock;
  private final TemplateLimits limits;

  private ChatOptions(Builder b) {
    this.tools = b.tools == null ? null : Collections.unmodifiableList(new ArrayList<>(b.tools));
    this.documents = b.documents == null ? null : Collections.unmodifiableList(new ArrayList<>(b.documents));
    this.addGenerationPrompt = b.addGenerationPrompt;
    this.continueFinalMessage = b.continueFinalMessage;
    this.extraVariables = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraVariables));
    this.templateName = b.templateName;
    this.clock = b.clock;
    this.limits = b.limits;
  }

  /** No tools or documents, no generation prompt, the tokenizer's default template, the system clock. */
  public static ChatOptions defaults() {
    return DEFAULTS;
  }

  /** Only {@code addGenerationPrompt} set: the usual call before generating a reply. */
  public static ChatOptions withGenerationPrompt() {
    return newBuilder().addGenerationPrompt(true).build();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tools = tools;
    b.documents = documents;
    b.addGenerationPrompt = addGenerationPrompt;
    b.continueFinalMessage = continueFinalMessage;
    b.extraVariables.putAll(extraVariables);
    b.templateName = templateName;
    b.clock = clock;
    b.limits = limits;
    return b;
  }

  /** The tool definitions; empty when none were given (the template sees {@code tools} as None). */
  public Optional<List<Map<String, Object>>> tools() {
    return Optional.ofNullable(tools);
  }

  public Optional<List<Map<String, Object>>> documents() {
    return Optional.ofNullable(documents);
  }

  public boolean addGenerationPrompt() {
    return addGenerationPrompt;
  }

  public boolean continueFinalMessage() {
    return continueFinalMessage;
  }

  /** Extra template variables (transformers' {@code **kwargs}), e.g. {@code enable_thinking}. */
  public Map<String, Object> extraVariables() {
    return extraVariables;
  }

  /** The named template to use instead of the automatic choice; empty for the automatic choice. */
  public Optional<String> templateName() {
    return Optional.ofNullable(templateName);
  }

  public Clock clock() {
    return clock;
  }

  /** The sandbox's bounds for this rendering; {@link TemplateLimits#defaults()} unless set. */
  public TemplateLimits limits() {
    return limits;
  }

  @Override
  public String toString() {
    return "ChatOptions{tools=" + (tools == null ? "none" : tools.size()) + ", documents="
        + (documents == null ? "none" : documents.size()) + ", addGenerationPrompt=" + addGenerationPrompt
        + ", continueFinalMessage=" + continueFinalMessage + ", extraVariables=" + extraVariables.keySet()
        + ", templateName=" + templateName + "}";
  }

  /** Builds {@link ChatOptions}; every option is optional. Not thread-safe. */
  public static final class Builder {
    private List<Map<String, Object>> tools;
    private List<Map<String, Object>> documents;
    private boolean addGenerationPrompt;
    private boolean continueFinalMessage;
    private final Map<String, Object> extraVariables = new LinkedHashMap<>();
    private String templateName;
    private Clock clock = Clock.systemDefaultZone();
    private TemplateLimits limits = TemplateLimits.defaults();

    private Builder() {}

    /**
     * Tool definitions (JSON-schema function objects); null for none. With tools, a tokenizer
     * with named templates uses {@code tool_use} when it has one.
     */
    public Builder tools(List<? extends Map<String, ?>> tools) {
      this.tools = tools == null ? null : nonNullElements(tools, "tools");
      return this;
    }

    /** Documents for retrieval-augmented templates ({@code title}, {@code text}); null for none. */
    public Builder documents(List<? extends Map<String, ?>> documents) {
      this.documents = documents == null ? null : nonNullElements(documents, "documents");
      return this;
    }

    /** End with the header that makes the model start an assistant message. */
    public Builder addGenerationPrompt(boolean add) {
      this.addGenerationPrompt = add;
      return this;
    }

    /** Leave the final message open for the model to continue (an assistant prefill). */
    public Builder continueFinalMessage(boolean continueFinal) {
      this.continueFinalMessage = continueFinal;
      return this;
    }

    /** An extra template variable; it overrides a special token of the same name. */
    public Builder extraVariable(String name, Object value) {
      extraVariables.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    public Builder extraVariables(Map<String, ?> variables) {
      Objects.requireNonNull(variables, "variables").forEach(this::extraVariable);
      return this;
    }

    /**
     * Use the tokenizer's template of this name (e.g. {@code "tool_use"}, {@code "rag"}) rather
     * than the automatic choice; null restores the automatic choice.
     */
    public Builder templateName(String name) {
      this.templateName = name;
      return this;
    }

    /** The clock of {@code strftime_now}; its zone gives the local time. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Other bounds for the sandbox (steps, call depth, output size); raise them only for a template you trust. */
    public Builder limits(TemplateLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    public ChatOptions build() {
      return new ChatOptions(this);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nonNullElements(List<? extends Map<String, ?>> list, String name) {
      List<Map<String, Object>> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add((Map<String, Object>) Objects.requireNonNull(list.get(i), name + "[" + i + "]"));
      }
      return out;
    }
  }
}
