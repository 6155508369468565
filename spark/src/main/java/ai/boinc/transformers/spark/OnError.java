package ai.boinc.transformers.spark;

/**
 * What happens to a row whose text cannot be encoded (null, over the size limit, or rejected), or
 * whose conversation cannot be rendered (null or malformed messages, or the template raised an error).
 */
public enum OnError {
  /**
   * The row is kept: its token columns are null and the error column says why. The SQL functions
   * return null.
   */
  NULL_WITH_ERROR,
  /** The job fails with a {@link RowEncodingException} naming the row. */
  FAIL
}
