package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.ChatTemplateOptions;
import ai.boinc.transformers.spark.OnError;
import ai.boinc.transformers.spark.RowEncodingException;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Renders one row's conversation with the broadcast tokenizer's chat template, as {@link
 * ModelTokenizer#applyChatTemplate(List, ChatOptions)} and {@code applyChatTemplateIds} do on the
 * driver. Shared by the column transform and the SQL functions; what they ship is this object: the
 * broadcast handle and the options.
 */
public final class ChatRenderer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final EncodeOptions NO_SPECIAL_TOKENS = EncodeOptions.addSpecialTokens(false);

  private final Broadcast<TokenizerFiles> files;
  private final ChatTemplateOptions options;
  private transient ChatOptions chatOptions;

  public ChatRenderer(Broadcast<TokenizerFiles> files, ChatTemplateOptions options) {
    this.files = files;
    this.options = options;
  }

  public ChatTemplateOptions options() {
    return options;
  }

  /** A rendered row: the prompt and, when asked, its ids; or why there are none. */
  static final class Rendered {
    final String prompt;
    final int[] ids;
    final String error;

    private Rendered(String prompt, int[] ids, String error) {
      this.prompt = prompt;
      this.ids = ids;
      this.error = error;
    }
  }

  /**
   * Renders {@code messages} (a JSON string or Spark's value of an array of structs).
   *
   * @param withIds whether to encode the prompt too
   * @param rowIndex the row's index in its partition for errors, or -1 when unknown
   * @param key the row's key for errors, or null
   * @throws RowEncodingException if the row cannot be rendered and {@link OnError#FAIL} was chosen
   */
  Rendered render(Object messages, boolean withIds, long rowIndex, String key) {
    ModelTokenizer tokenizer = ExecutorTokenizers.get(files.value());
    String error;
    try {
      List<Map<String, Object>> conversation = ChatMessages.of(messages);
      String prompt = tokenizer.applyChatTemplate(conversation, chatOptions());
      int[] ids = withIds ? tokenizer.encode(prompt, NO_SPECIAL_TOKENS).ids() : null;
      return new Rendered(prompt, ids, null);
    } catch (RuntimeException e) {
      // Template errors (TemplateException and its kin), bad rows, a too-long prompt: the row's
      // fault, not the job's. Their messages name the problem, not the conversation's text.
      error = TextCheck.reason(e);
    }
    if (options.onError() == OnError.FAIL) {
      TaskContext task = TaskContext.get();
      throw new RowEncodingException(
          task == null ? -1 : task.partitionId(), rowIndex, key, error);
    }
    return new Rendered(null, null, error);
  }

  private ChatOptions chatOptions() {
    if (chatOptions == null) {
      chatOptions = options.chatOptions();
    }
    return chatOptions;
  }
}
