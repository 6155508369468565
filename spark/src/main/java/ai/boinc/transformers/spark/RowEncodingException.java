package ai.boinc.transformers.spark;

import ai.boinc.transformers.TransformersException;

/**
 * A row's text could not be encoded and {@link OnError#FAIL} was chosen. The message names the
 * row (partition, index within the partition, and the key column's value when one was set) and
 * the reason; it never contains the text itself.
 */
public final class RowEncodingException extends TransformersException {
  private static final long serialVersionUID = 1L;

  private final int partition;
  private final long rowIndex;
  private final String key;

  public RowEncodingException(int partition, long rowIndex, String key, String reason) {
    super("cannot encode " + (rowIndex < 0 ? "a row" : "row " + rowIndex) + " of partition "
        + partition + (key == null ? "" : " (key " + key + ")") + ": " + reason
        + "; fix or filter the row, or choose OnError.NULL_WITH_ERROR to keep it with null ids");
    this.partition = partition;
    this.rowIndex = rowIndex;
    this.key = key;
  }

  /** The Spark partition the row is in. */
  public int partition() {
    return partition;
  }

  /** The row's index within its partition, from 0; -1 from a SQL function, which cannot know it. */
  public long rowIndex() {
    return rowIndex;
  }

  /** The key column's value as text, or {@code null} when no key column was set. */
  public String key() {
    return key;
  }
}
