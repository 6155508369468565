package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.OnError;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Renders each row's conversation of one partition, keeping the row's values and appending the
 * chat columns. Row by row: a template renders one conversation at a time. What Spark ships: the
 * renderer (broadcast handle and options) and three column positions.
 */
public final class PartitionChatRenderer implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ChatRenderer renderer;
  private final int messagesIndex;
  private final int keyIndex;
  private final int inputWidth;

  /**
   * @param keyIndex position of the key column, or -1 for none
   */
  public PartitionChatRenderer(
      ChatRenderer renderer, int messagesIndex, int keyIndex, int inputWidth) {
    this.renderer = renderer;
    this.messagesIndex = messagesIndex;
    this.keyIndex = keyIndex;
    this.inputWidth = inputWidth;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    boolean withIds = renderer.options().inputIds();
    boolean withError = renderer.options().onError() == OnError.NULL_WITH_ERROR;
    int outputWidth = inputWidth + ChatColumns.names(renderer.options()).size();
    return new Iterator<>() {
      private long index;

      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public Row next() {
        if (!input.hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = input.next();
        String key = keyIndex < 0 || row.isNullAt(keyIndex) ? null : String.valueOf(row.get(keyIndex));
        ChatRenderer.Rendered rendered = renderer.render(row.get(messagesIndex), withIds, index++, key);
        Object[] values = new Object[outputWidth];
        for (int c = 0; c < inputWidth; c++) {
          values[c] = row.get(c);
        }
        int i = inputWidth;
        values[i++] = rendered.prompt;
        if (withIds) {
          values[i++] = rendered.ids;
        }
        if (withError) {
          values[i] = rendered.error;
        }
        return RowFactory.create(values);
      }
    };
  }
}
