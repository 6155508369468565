package ai.boinc.transformers.spark;

import ai.boinc.transformers.spark.internal.JsonValues;
import ai.boinc.transformers.tokenizers.ChatOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SparkTokenizer#applyChatTemplate(org.apache.spark.sql.Dataset, String,
 * ChatTemplateOptions)} and the SQL function {@code apply_chat_template} render conversations: the
 * chat options that travel to the executors ({@code add_generation_prompt}, {@code
 * continue_final_message}, extra template variables such as {@code enable_thinking}, tools, a named
 * template), whether the {@code input_ids} column is added, and what to do with a row that cannot
 * be rendered. Immutable; serializable, since it travels to the executors.
 *
 * <p>Defaults: no generation prompt, no extra variables or tools, the automatic template, only the
 * {@code prompt} column, {@link OnError#FAIL}. {@code strftime_now} reads each executor's clock.
 */
public final class ChatTemplateOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ChatTemplateOptions DEFAULTS = newBuilder().build();

  private final boolean addGenerationPrompt;
  private final boolean continueFinalMessage;
  /** JSON-like values only (see {@link JsonValues#copy}), so that the options serialize. */
  private final LinkedHashMap<String, Object> extraVariables;
  private final ArrayList<Object> tools;
  private final String templateName;
  private final boolean inputIds;
  private final OnError onError;
  private final String keyColumn;

  private ChatTemplateOptions(Builder b) {
    this.addGenerationPrompt = b.addGenerationPrompt;
    this.continueFinalMessage = b.continueFinalMessage;
    this.extraVariables = new LinkedHashMap<>(b.extraVariables);
    this.tools = b.tools == null ? null : new ArrayList<>(b.tools);
    this.templateName = b.templateName;
    this.inputIds = b.inputIds;
    this.onError = b.onError;
    this.keyColumn = b.keyColumn;
  }

  public static ChatTemplateOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The tokenizers module's options these stand for, built where the template runs. */
  @SuppressWarnings("unchecked")
  public ChatOptions chatOptions() {
    ChatOptions.Builder b = ChatOptions.newBuilder()
        .addGenerationPrompt(addGenerationPrompt)
        .continueFinalMessage(continueFinalMessage)
        .extraVariables(extraVariables)
        .templateName(templateName);
    if (tools != null) {
      List<Map<String, ?>> toolMaps = new ArrayList<>();
      for (Object tool : tools) {
        toolMaps.add((Map<String, ?>) tool);
      }
      b.tools(toolMaps);
    }
    return b.build();
  }

  public boolean addGenerationPrompt() {
    return addGenerationPrompt;
  }

  public boolean continueFinalMessage() {
    return continueFinalMessage;
  }

  /** Extra template variables (Python's {@code **kwargs}), e.g. {@code enable_thinking}. */
  public Map<String, Object> extraVariables() {
    return Collections.unmodifiableMap(extraVariables);
  }

  /** The named template to use (e.g. {@code "tool_use"}); empty for the automatic choice. */
  public Optional<String> templateName() {
    return Optional.ofNullable(templateName);
  }

  /** Whether the {@code input_ids array<int>} column (the prompt's ids, no special tokens added) is added. */
  public boolean inputIds() {
    return inputIds;
  }

  public OnError onError() {
    return onError;
  }

  /** The column whose value names a failed row in errors, if set. */
  public Optional<String> keyColumn() {
    return Optional.ofNullable(keyColumn);
  }

  @Override
  public String toString() {
    return "ChatTemplateOptions{addGenerationPrompt=" + addGenerationPrompt
        + ", continueFinalMessage=" + continueFinalMessage + ", extraVariables="
        + extraVariables.keySet() + ", tools=" + (tools == null ? "none" : tools.size())
        + ", templateName=" + templateName + ", inputIds=" + inputIds + ", onError=" + onError
        + ", keyColumn=" + keyColumn + "}";
  }

  /** Builds {@link ChatTemplateOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean addGenerationPrompt;
    private boolean continueFinalMessage;
    private final LinkedHashMap<String, Object> extraVariables = new LinkedHashMap<>();
    private List<Object> tools;
    private String templateName;
    private boolean inputIds;
    private OnError onError = OnError.FAIL;
    private String keyColumn;

    private Builder() {}

    /** End each prompt with the header that makes the model start an assistant message. */
    public Builder addGenerationPrompt(boolean add) {
      this.addGenerationPrompt = add;
      return this;
    }

    /** Leave each conversation's final message open for the model to continue. */
    public Builder continueFinalMessage(boolean continueFinal) {
      this.continueFinalMessage = continueFinal;
      return this;
    }

    /**
     * An extra template variable, e.g. {@code extraVariable("enable_thinking", false)}. The value
     * must be JSON-like: null, a string, number or boolean, or a list or string-keyed map of such.
     *
     * @throws IllegalArgumentException if the value is not JSON-like
     */
    public Builder extraVariable(String name, Object value) {
      Objects.requireNonNull(name, "name");
      extraVariables.put(name, JsonValues.copy(value, name));
      return this;
    }

    /** {@link #extraVariable} for each entry. */
    public Builder extraVariables(Map<String, ?> variables) {
      for (Map.Entry<String, ?> variable : variables.entrySet()) {
        extraVariable(variable.getKey(), variable.getValue());
      }
      return this;
    }

    /** Tool definitions (JSON-schema function objects, JSON-like) given to every row; null for none. */
    public Builder tools(List<? extends Map<String, ?>> tools) {
      if (tools == null) {
        this.tools = null;
      } else {
        List<Object> copy = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
          copy.add(JsonValues.copy(Objects.requireNonNull(tools.get(i), "tools[" + i + "]"),
              "tools[" + i + "]"));
        }
        this.tools = copy;
      }
      return this;
    }

    /** Use the tokenizer's template of this name; null restores the automatic choice. */
    public Builder templateName(String name) {
      this.templateName = name;
      return this;
    }

    /** Also add {@code input_ids array<int>}: the prompt encoded without adding special tokens. */
    public Builder inputIds(boolean add) {
      this.inputIds = add;
      return this;
    }

    public Builder onError(OnError onError) {
      this.onError = Objects.requireNonNull(onError, "onError");
      return this;
    }

    /** A column whose value identifies a row in a {@link RowEncodingException}. */
    public Builder keyColumn(String keyColumn) {
      this.keyColumn = Objects.requireNonNull(keyColumn, "keyColumn");
      return this;
    }

    public ChatTemplateOptions build() {
      return new ChatTemplateOptions(this);
    }
  }
}
