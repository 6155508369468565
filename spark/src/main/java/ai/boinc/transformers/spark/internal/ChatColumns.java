package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.ChatTemplateOptions;
import ai.boinc.transformers.spark.OnError;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns {@code applyChatTemplate} adds and their types. */
public final class ChatColumns {
  public static final String PROMPT = "prompt";
  public static final String INPUT_IDS = EncodedColumns.INPUT_IDS;
  public static final String ERROR = "chat_template_error";

  private ChatColumns() {}

  /** The names of the added columns, in order. */
  public static List<String> names(ChatTemplateOptions options) {
    return AddedColumns.names(fields(options));
  }

  /** {@code input} followed by the added columns. */
  public static StructType schema(StructType input, ChatTemplateOptions options) {
    return AddedColumns.append(input, fields(options));
  }

  private static List<StructField> fields(ChatTemplateOptions options) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(PROMPT, DataTypes.StringType, true));
    if (options.inputIds()) {
      fields.add(DataTypes.createStructField(
          INPUT_IDS, DataTypes.createArrayType(DataTypes.IntegerType, false), true));
    }
    if (options.onError() == OnError.NULL_WITH_ERROR) {
      fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
    }
    return fields;
  }
}
