package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.OnError;
import ai.boinc.transformers.spark.RowEncodingException;
import ai.boinc.transformers.spark.TokenizeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The SQL functions: {@code ids(text) -> array<int>} and {@code count(text) -> int}, and the chat
 * template's {@code prompt(messages) -> string} and {@code ids(messages) -> array<int>}. A SQL
 * function sees one value per call, so these encode row by row (the column transform batches);
 * the tokenizer is still built once per JVM. A text that cannot be encoded gives null, or fails
 * the query, per {@link OnError}.
 */
public final class SqlFunctions {
  private SqlFunctions() {}

  public static void register(
      SparkSession spark, Broadcast<TokenizerFiles> files, TokenizeOptions options,
      String idsName, String countName) {
    Encoder encoder = new Encoder(files, options);
    spark.udf().register(idsName, new Ids(encoder),
        DataTypes.createArrayType(DataTypes.IntegerType, false));
    spark.udf().register(countName, new Count(encoder), DataTypes.IntegerType);
  }

  /**
   * Registers {@code promptName(messages) -> string} and {@code idsName(messages) -> array<int>},
   * {@code messages} being a JSON string or an array of structs.
   */
  public static void registerChat(
      SparkSession spark, ChatRenderer renderer, String promptName, String idsName) {
    spark.udf().register(promptName, new Chat(renderer, false), DataTypes.StringType);
    spark.udf().register(idsName, new Chat(renderer, true),
        DataTypes.createArrayType(DataTypes.IntegerType, false));
  }

  /** One text to its encoding, or null. */
  static final class Encoder implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Broadcast<TokenizerFiles> files;
    private final TokenizeOptions options;
    private transient EncodeOptions encodeOptions;

    Encoder(Broadcast<TokenizerFiles> files, TokenizeOptions options) {
      this.files = files;
      this.options = options;
    }

    Encoding encode(String text) {
      String problem = TextCheck.problem(text, options);
      if (problem == null) {
        if (encodeOptions == null) {
          encodeOptions = options.encodeOptions();
        }
        try {
          return ExecutorTokenizers.get(files.value()).encode(text, encodeOptions);
        } catch (RuntimeException e) {
          problem = TextCheck.reason(e);
        }
      }
      if (options.onError() == OnError.FAIL) {
        TaskContext task = TaskContext.get();
        throw new RowEncodingException(task == null ? -1 : task.partitionId(), -1, null, problem);
      }
      return null;
    }
  }

  static final class Ids implements UDF1<String, int[]> {
    private static final long serialVersionUID = 1L;
    private final Encoder encoder;

    Ids(Encoder encoder) {
      this.encoder = encoder;
    }

    @Override
    public int[] call(String text) {
      Encoding encoding = encoder.encode(text);
      return encoding == null ? null : encoding.ids();
    }
  }

  static final class Count implements UDF1<String, Integer> {
    private static final long serialVersionUID = 1L;
    private final Encoder encoder;

    Count(Encoder encoder) {
      this.encoder = encoder;
    }

    @Override
    public Integer call(String text) {
      Encoding encoding = encoder.encode(text);
      return encoding == null ? null : encoding.size();
    }
  }

  /** The prompt, or its ids: one class, since a Java UDF's return type is given at registration. */
  static final class Chat implements UDF1<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final ChatRenderer renderer;
    private final boolean ids;

    Chat(ChatRenderer renderer, boolean ids) {
      this.renderer = renderer;
      this.ids = ids;
    }

    @Override
    public Object call(Object messages) {
      ChatRenderer.Rendered rendered = renderer.render(messages, ids, -1, null);
      return ids ? rendered.ids : rendered.prompt;
    }
  }
}
