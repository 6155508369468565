package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.OnError;
import ai.boinc.transformers.spark.RowEncodingException;
import ai.boinc.transformers.spark.TokenizeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Encodes one partition in batches of {@link TokenizeOptions#batchSize()} rows with {@code
 * encodeBatch}, keeping each input row's values and appending the token columns. What Spark ships
 * to the executors: the broadcast handle, the options and three column positions.
 */
public final class PartitionEncoder implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<TokenizerFiles> files;
  private final TokenizeOptions options;
  private final int textIndex;
  private final int keyIndex;
  private final int inputWidth;
  private final int outputWidth;

  /**
   * @param keyIndex position of the key column, or -1 for none
   */
  public PartitionEncoder(
      Broadcast<TokenizerFiles> files, TokenizeOptions options, int textIndex, int keyIndex,
      int inputWidth) {
    this.files = files;
    this.options = options;
    this.textIndex = textIndex;
    this.keyIndex = keyIndex;
    this.inputWidth = inputWidth;
    this.outputWidth = inputWidth + EncodedColumns.names(options).size();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    Tokenizer tokenizer = ExecutorTokenizers.get(files.value());
    TaskContext task = TaskContext.get();
    int partition = task == null ? -1 : task.partitionId();
    return new Batches(input, tokenizer, options.encodeOptions(), partition);
  }

  /** Pulls a batch of input rows, encodes it, and hands out the output rows one by one. */
  private final class Batches implements Iterator<Row> {
    private final Iterator<Row> input;
    private final Tokenizer tokenizer;
    private final EncodeOptions encodeOptions;
    private final int partition;
    private final List<Row> rows = new ArrayList<>();
    private final List<Row> out = new ArrayList<>();
    private long firstIndex;
    private int next;

    Batches(Iterator<Row> input, Tokenizer tokenizer, EncodeOptions encodeOptions, int partition) {
      this.input = input;
      this.tokenizer = tokenizer;
      this.encodeOptions = encodeOptions;
      this.partition = partition;
    }

    @Override
    public boolean hasNext() {
      if (next < out.size()) {
        return true;
      }
      firstIndex += out.size();
      out.clear();
      next = 0;
      if (!input.hasNext()) {
        return false;
      }
      encodeNextBatch();
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return out.get(next++);
    }

    private void encodeNextBatch() {
      rows.clear();
      while (rows.size() < options.batchSize() && input.hasNext()) {
        rows.add(input.next());
      }
      String[] errors = new String[rows.size()];
      List<String> texts = new ArrayList<>(rows.size());
      List<Integer> positions = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        String text = row.isNullAt(textIndex) ? null : row.getString(textIndex);
        errors[i] = TextCheck.problem(text, options);
        if (errors[i] == null) {
          texts.add(text);
          positions.add(i);
        } else {
          failIfAsked(i, errors[i]);
        }
      }
      Encoding[] encodings = new Encoding[rows.size()];
      encode(texts, positions, encodings, errors);
      for (int i = 0; i < rows.size(); i++) {
        Object[] values = new Object[outputWidth];
        Row row = rows.get(i);
        for (int c = 0; c < inputWidth; c++) {
          values[c] = row.get(c);
        }
        EncodedColumns.write(encodings[i], errors[i], options, values, inputWidth);
        out.add(RowFactory.create(values));
      }
    }

    private void encode(
        List<String> texts, List<Integer> positions, Encoding[] encodings, String[] errors) {
      List<Encoding> batch;
      try {
        batch = tokenizer.encodeBatch(texts, encodeOptions);
      } catch (RuntimeException batchFailed) {
        // One bad text fails the whole batch: encode one by one to find it and keep the others.
        batch = new ArrayList<>(texts.size());
        for (int j = 0; j < texts.size(); j++) {
          int i = positions.get(j);
          try {
            batch.add(tokenizer.encode(texts.get(j), encodeOptions));
          } catch (RuntimeException e) {
            errors[i] = TextCheck.reason(e);
            failIfAsked(i, errors[i]);
            batch.add(null);
          }
        }
      }
      for (int j = 0; j < batch.size(); j++) {
        encodings[positions.get(j)] = batch.get(j);
      }
    }

    private void failIfAsked(int i, String reason) {
      if (options.onError() == OnError.FAIL) {
        Row row = rows.get(i);
        String key = keyIndex < 0 || row.isNullAt(keyIndex) ? null : String.valueOf(row.get(keyIndex));
        throw new RowEncodingException(partition, firstIndex + i, key, reason);
      }
    }
  }
}
