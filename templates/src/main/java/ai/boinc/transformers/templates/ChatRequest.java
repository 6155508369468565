package ai.boinc.transformers.templates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ChatTemplate#render(ChatRequest)} renders: the conversation and the options of Python
 * transformers' {@code apply_chat_template}.
 *
 * <p>Messages, tools and documents are JSON-like Java values: {@code Map<String, Object>} (keep the
 * key order: use a {@code LinkedHashMap}), {@code List}, {@code String}, {@code Integer}/{@code
 * Long} (Python int), {@code Double} (Python float: {@code 1180.0} prints as {@code 1180.0}),
 * {@code Boolean} and {@code null}. They are copied when rendered; the template cannot change them.
 */
public final class ChatRequest {
  private final List<Map<String, Object>> messages;
  private final List<Map<String, Object>> tools;
  private final List<Map<String, Object>> documents;
  private final boolean addGenerationPrompt;
  private final boolean continueFinalMessage;
  private final Map<String, Object> extraVariables;
  private final SpecialTokensMap specialTokens;
  private final Clock clock;

  private ChatRequest(Builder b) {
    this.messages = Collections.unmodifiableList(new ArrayList<>(b.messages));
    this.tools = b.tools == null ? null : Collections.unmodifiableList(new ArrayList<>(b.tools));
    this.documents = b.documents == null ? null : Collections.unmodifiableList(new ArrayList<>(b.documents));
    this.addGenerationPrompt = b.addGenerationPrompt;
    this.continueFinalMessage = b.continueFinalMessage;
    this.extraVariables = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraVariables));
    this.specialTokens = b.specialTokens;
    this.clock = b.clock;
  }

  /** A request for these messages, every option at its default. */
  public static ChatRequest of(List<? extends Map<String, ?>> messages) {
    return builder().messages(messages).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    Builder b = new Builder();
    b.messages.addAll(messages);
    b.tools = tools == null ? null : new ArrayList<>(tools);
    b.documents = documents == null ? null : new ArrayList<>(documents);
    b.addGenerationPrompt = addGenerationPrompt;
    b.continueFinalMessage = continueFinalMessage;
    b.extraVariables.putAll(extraVariables);
    b.specialTokens = specialTokens;
    b.clock = clock;
    return b;
  }

  public List<Map<String, Object>> messages() {
    return messages;
  }

  /** The tool definitions; empty when none were given (the template then sees {@code tools} as None). */
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

  /** Extra template variables (transformers' {@code **kwargs}); they override special tokens. */
  public Map<String, Object> extraVariables() {
    return extraVariables;
  }

  public SpecialTokensMap specialTokens() {
    return specialTokens;
  }

  /** The clock of {@code strftime_now} (its zone gives the local time). */
  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "ChatRequest{" + messages.size() + " messages, tools=" + (tools == null ? "none" : tools.size())
        + ", documents=" + (documents == null ? "none" : documents.size()) + ", addGenerationPrompt="
        + addGenerationPrompt + ", continueFinalMessage=" + continueFinalMessage + ", extraVariables="
        + extraVariables.keySet() + "}";
  }

  /** Builds a {@link ChatRequest}; {@link #messages} is required. */
  public static final class Builder {
    private final List<Map<String, Object>> messages = new ArrayList<>();
    private List<Map<String, Object>> tools;
    private List<Map<String, Object>> documents;
    private boolean addGenerationPrompt;
    private boolean continueFinalMessage;
    private final Map<String, Object> extraVariables = new LinkedHashMap<>();
    private SpecialTokensMap specialTokens = SpecialTokensMap.empty();
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> copy(List<? extends Map<String, ?>> list, String name) {
      Objects.requireNonNull(list, name);
      List<Map<String, Object>> out = new ArrayList<>(list.size());
      for (Map<String, ?> m : list) {
        out.add((Map<String, Object>) Objects.requireNonNull(m, name + " element"));
      }
      return out;
    }

    /** The conversation: maps with {@code role} and usually {@code content} (text or a list of parts). */
    public Builder messages(List<? extends Map<String, ?>> messages) {
      this.messages.clear();
      this.messages.addAll(copy(messages, "messages"));
      return this;
    }

    /** Appends one message. */
    public Builder addMessage(Map<String, ?> message) {
      this.messages.addAll(copy(List.of(message), "message"));
      return this;
    }

    /** Tool definitions (JSON schema objects); null for none. */
    public Builder tools(List<? extends Map<String, ?>> tools) {
      this.tools = tools == null ? null : copy(tools, "tools");
      return this;
    }

    /** Documents for retrieval-augmented templates ({@code title}, {@code text}); null for none. */
    public Builder documents(List<? extends Map<String, ?>> documents) {
      this.documents = documents == null ? null : copy(documents, "documents");
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

    /** An extra template variable, e.g. {@code enable_thinking = false}. */
    public Builder extraVariable(String name, Object value) {
      extraVariables.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    public Builder extraVariables(Map<String, ?> variables) {
      Objects.requireNonNull(variables, "variables").forEach(this::extraVariable);
      return this;
    }

    public Builder specialTokens(SpecialTokensMap tokens) {
      this.specialTokens = Objects.requireNonNull(tokens, "specialTokens");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ChatRequest build() {
      return new ChatRequest(this);
    }
  }
}
