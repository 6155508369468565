package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.OnError;
import ai.boinc.transformers.spark.TokenizeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns {@code transform} adds, their types, and their values for one encoding. */
public final class EncodedColumns {
  public static final String INPUT_IDS = "input_ids";
  public static final String ATTENTION_MASK = "attention_mask";
  public static final String TOKEN_TYPE_IDS = "token_type_ids";
  public static final String OFFSETS = "offsets";
  public static final String NUM_TOKENS = "num_tokens";
  public static final String ERROR = "tokenize_error";

  private static final DataType INT_ARRAY = DataTypes.createArrayType(DataTypes.IntegerType, false);
  private static final StructType OFFSET =
      DataTypes.createStructType(
          new StructField[] {
            DataTypes.createStructField("start", DataTypes.IntegerType, false),
            DataTypes.createStructField("end", DataTypes.IntegerType, false)
          });

  private EncodedColumns() {}

  /** The names of the added columns, in order. */
  public static List<String> names(TokenizeOptions options) {
    return AddedColumns.names(fields(options));
  }

  /** {@code input} followed by the added columns. */
  public static StructType schema(StructType input, TokenizeOptions options) {
    return AddedColumns.append(input, fields(options));
  }

  private static List<StructField> fields(TokenizeOptions options) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(INPUT_IDS, INT_ARRAY, true));
    fields.add(DataTypes.createStructField(ATTENTION_MASK, INT_ARRAY, true));
    if (options.tokenTypeIds()) {
      fields.add(DataTypes.createStructField(TOKEN_TYPE_IDS, INT_ARRAY, true));
    }
    if (options.offsets()) {
      fields.add(
          DataTypes.createStructField(OFFSETS, DataTypes.createArrayType(OFFSET, false), true));
    }
    if (options.numTokens()) {
      fields.add(DataTypes.createStructField(NUM_TOKENS, DataTypes.IntegerType, true));
    }
    if (options.onError() == OnError.NULL_WITH_ERROR) {
      fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
    }
    return fields;
  }

  /**
   * Writes the added columns of one row into {@code out} from {@code start}: the encoding's
   * values, or nulls and {@code error} when {@code encoding} is null.
   */
  static void write(Encoding encoding, String error, TokenizeOptions options, Object[] out, int start) {
    int i = start;
    out[i++] = encoding == null ? null : encoding.ids();
    out[i++] = encoding == null ? null : encoding.attentionMask();
    if (options.tokenTypeIds()) {
      out[i++] = encoding == null ? null : encoding.typeIds();
    }
    if (options.offsets()) {
      out[i++] = encoding == null ? null : offsets(encoding);
    }
    if (options.numTokens()) {
      out[i++] = encoding == null ? null : encoding.size();
    }
    if (options.onError() == OnError.NULL_WITH_ERROR) {
      out[i] = error;
    }
  }

  private static Row[] offsets(Encoding encoding) {
    Row[] out = new Row[encoding.size()];
    for (int t = 0; t < out.length; t++) {
      out[t] = RowFactory.create(encoding.startOffset(t), encoding.endOffset(t));
    }
    return out;
  }
}
