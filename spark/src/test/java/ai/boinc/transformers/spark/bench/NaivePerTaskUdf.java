package ai.boinc.transformers.spark.bench;

import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.nio.file.Paths;
import org.apache.spark.sql.api.java.UDF1;

/**
 * What a Spark user writes by hand: a per-row UDF holding the tokenizer in a transient field, so
 * every task (each deserializes its own copy of the UDF) loads the tokenizer again.
 */
final class NaivePerTaskUdf implements UDF1<String, int[]> {
  private static final long serialVersionUID = 1L;
  private final String dir;
  private transient Tokenizer tokenizer;

  NaivePerTaskUdf(String dir) {
    this.dir = dir;
  }

  @Override
  public int[] call(String text) {
    if (tokenizer == null) {
      tokenizer = Tokenizers.fromDirectory(Paths.get(dir));
    }
    return tokenizer.encode(text).ids();
  }
}
