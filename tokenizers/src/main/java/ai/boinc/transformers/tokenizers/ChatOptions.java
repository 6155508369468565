package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.templates.ChatRequest;
import ai.boinc.transformers.templates.SpecialTokensMap;
import ai.boinc.transformers.templates.TemplateLimits;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@link ModelTokenizer#applyChatTemplate}: Python transformers' (and
 * Transformers.js's) {@code apply_chat_template} keyword arguments {@code tools}, {@code
 * documents}, {@code add_generation_prompt}, {@code continue_final_message}, {@code **kwargs},
 * the template's name ({@code chat_template="tool_use"}), plus the clock of {@code strftime_now}
 * and the sandbox's bounds.
 *
 * <p>Tools, documents and extra variables are JSON-like Java values, as {@link ChatRequest}
 * describes; the options hold them as a {@link ChatRequest} without messages. Immutable; build with
 * {@link #newBuilder()}.
 */
public final class ChatOptions {
  private static final ChatOptions DEFAULTS = newBuilder().build();

  /** Every option the templates module knows, its messages and special tokens left empty. */
  private final ChatRequest request;
  private final String templateName;
  private final TemplateLimits limits;

  private ChatOptions(Builder b) {
    this.request = b.request.build();
    this.templateName = b.templateName;
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
    return new Builder(ChatRequest.builder());
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder(request.newBuilder());
    b.templateName = templateName;
    b.limits = limits;
    return b;
  }

  /** The tool definitions; empty when none were given (the template sees {@code tools} as None). */
  public Optional<List<Map<String, Object>>> tools() {
    return request.tools();
  }

  public Optional<List<Map<String, Object>>> documents() {
    return request.documents();
  }

  public boolean addGenerationPrompt() {
    return request.addGenerationPrompt();
  }

  public boolean continueFinalMessage() {
    return request.continueFinalMessage();
  }

  /** Extra template variables (transformers' {@code **kwargs}), e.g. {@code enable_thinking}. */
  public Map<String, Object> extraVariables() {
    return request.extraVariables();
  }

  /** The named template to use instead of the automatic choice; empty for the automatic choice. */
  public Optional<String> templateName() {
    return Optional.ofNullable(templateName);
  }

  public Clock clock() {
    return request.clock();
  }

  /** The sandbox's bounds for this rendering; {@link TemplateLimits#defaults()} unless set. */
  public TemplateLimits limits() {
    return limits;
  }

  /**
   * The templates module's request of these options for {@code messages}, the template seeing
   * {@code specialTokens}: what {@link ModelTokenizer#applyChatTemplate} renders, for a caller who
   * renders a {@link ai.boinc.transformers.templates.ChatTemplate} of their own.
   */
  public ChatRequest toRequest(List<? extends Map<String, ?>> messages, SpecialTokensMap specialTokens) {
    return request.newBuilder().messages(messages).specialTokens(specialTokens).build();
  }

  @Override
  public String toString() {
    return "ChatOptions{tools=" + tools().map(List::size).map(String::valueOf).orElse("none")
        + ", documents=" + documents().map(List::size).map(String::valueOf).orElse("none")
        + ", addGenerationPrompt=" + addGenerationPrompt() + ", continueFinalMessage=" + continueFinalMessage()
        + ", extraVariables=" + extraVariables().keySet() + ", templateName=" + templateName + "}";
  }

  /** Builds {@link ChatOptions}; every option is optional. Not thread-safe. */
  public static final class Builder {
    private final ChatRequest.Builder request;
    private String templateName;
    private TemplateLimits limits = TemplateLimits.defaults();

    private Builder(ChatRequest.Builder request) {
      this.request = request;
    }

    /**
     * Tool definitions (JSON-schema function objects); null for none. With tools, a tokenizer
     * with named templates uses {@code tool_use} when it has one.
     */
    public Builder tools(List<? extends Map<String, ?>> tools) {
      request.tools(tools);
      return this;
    }

    /** Documents for retrieval-augmented templates ({@code title}, {@code text}); null for none. */
    public Builder documents(List<? extends Map<String, ?>> documents) {
      request.documents(documents);
      return this;
    }

    /** End with the header that makes the model start an assistant message. */
    public Builder addGenerationPrompt(boolean add) {
      request.addGenerationPrompt(add);
      return this;
    }

    /** Leave the final message open for the model to continue (an assistant prefill). */
    public Builder continueFinalMessage(boolean continueFinal) {
      request.continueFinalMessage(continueFinal);
      return this;
    }

    /** An extra template variable; it overrides a special token of the same name. */
    public Builder extraVariable(String name, Object value) {
      request.extraVariable(name, value);
      return this;
    }

    public Builder extraVariables(Map<String, ?> variables) {
      request.extraVariables(variables);
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
      request.clock(clock);
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
  }
}
