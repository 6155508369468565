package ai.boinc.transformers.spark.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** What the transforms' column lists share: the names of added fields, and a schema with them appended. */
final class AddedColumns {
  private AddedColumns() {}

  static List<String> names(List<StructField> fields) {
    List<String> names = new ArrayList<>(fields.size());
    for (StructField field : fields) {
      names.add(field.name());
    }
    return names;
  }

  static StructType append(StructType input, List<StructField> fields) {
    StructType out = input;
    for (StructField field : fields) {
      out = out.add(field);
    }
    return out;
  }
}
