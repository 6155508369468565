package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The rows one {@link ModelTokenizer#batchEncode} call gives, in the shapes a model runtime
 * takes: {@code input_ids}, {@code attention_mask} and {@code token_type_ids} as {@code long[][]},
 * or as one flat row-major {@code long[]} with its {@link #shape()} (what ONNX Runtime's {@code
 * OnnxTensor.createTensor(env, LongBuffer.wrap(flat), shape)} and DJL's {@code
 * NDManager.create(long[], Shape)} take).
 *
 * <pre>{@code
 * BatchEncoding batch = tokenizer.batchEncode(texts,
 *     BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).truncation(true).build());
 * long[] shape = batch.shape();                       // [texts.size(), longest]
 * OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.flatInputIds()), shape);
 * OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.flatAttentionMask()), shape);
 * }</pre>
 *
 * <p>Without padding, rows may differ in length: the {@code long[][]} forms are then ragged and
 * the flat forms fail (as Transformers.js refuses to build a tensor from them). With {@code
 * returnOverflowingTokens}, each window is a row of its own and {@link #overflowToSampleMapping()}
 * says which text it came from. Immutable and thread-safe; array accessors return fresh arrays.
 */
public final class BatchEncoding {
  private final List<Encoding> rows;
  private final int[] sampleOfRow;

  /**
   * @param rows one encoding per row
   * @param sampleOfRow for each row, the index of the text it came from
   * @throws IllegalArgumentException if the two differ in size
   */
  public BatchEncoding(List<Encoding> rows, int[] sampleOfRow) {
    this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
    if (sampleOfRow.length != rows.size()) {
      throw new IllegalArgumentException(
          rows.size() + " rows but " + sampleOfRow.length + " sample indices");
    }
    this.sampleOfRow = sampleOfRow.clone();
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** The rows as full encodings (tokens, offsets, masks). */
  public List<Encoding> encodings() {
    return rows;
  }

  public Encoding encoding(int row) {
    return rows.get(row);
  }

  /** For each row, the index of the text (or pair) it came from. */
  public int[] overflowToSampleMapping() {
    return sampleOfRow.clone();
  }

  public long[][] inputIds() {
    return matrix(Encoding::ids);
  }

  /** 1 for real tokens, 0 for padding. */
  public long[][] attentionMask() {
    return matrix(Encoding::attentionMask);
  }

  /**
   * Segment ids: 0 for the first text, usually 1 for the pair, 0 for padding. Always computed;
   * whether a model takes them is the model's business (Transformers.js returns them by default
   * for BERT-like tokenizer classes only, see {@link ModelTokenizer#returnsTokenTypeIds()}).
   */
  public long[][] tokenTypeIds() {
    return matrix(Encoding::typeIds);
  }

  /** Whether all rows have the same length (always so with padding). */
  public boolean isRectangular() {
    for (Encoding e : rows) {
      if (e.size() != rows.get(0).size()) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code [rows, columns]}.
   *
   * @throws IllegalStateException if rows differ in length (see {@link #isRectangular()})
   */
  public long[] shape() {
    return new long[] {rows.size(), columns()};
  }

  /** {@link #inputIds()} row after row; @throws IllegalStateException if rows differ in length */
  public long[] flatInputIds() {
    return flat(Encoding::ids);
  }

  /** @throws IllegalStateException if rows differ in length */
  public long[] flatAttentionMask() {
    return flat(Encoding::attentionMask);
  }

  /** @throws IllegalStateException if rows differ in length */
  public long[] flatTokenTypeIds() {
    return flat(Encoding::typeIds);
  }

  private int columns() {
    if (rows.isEmpty()) {
      return 0;
    }
    if (!isRectangular()) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (Encoding e : rows) {
        min = Math.min(min, e.size());
        max = Math.max(max, e.size());
      }
      throw new IllegalStateException(
          "rows have different lengths (" + min + " to " + max + " tokens), so they make no"
              + " tensor; encode with padding (PaddingStrategy.LONGEST or MAX_LENGTH), and"
              + " truncation for texts longer than the maximum length");
    }
    return rows.get(0).size();
  }

  private long[][] matrix(Function<Encoding, int[]> field) {
    long[][] out = new long[rows.size()][];
    for (int r = 0; r < out.length; r++) {
      out[r] = widen(field.apply(rows.get(r)));
    }
    return out;
  }

  private long[] flat(Function<Encoding, int[]> field) {
    int columns = columns();
    long[] out = new long[Math.multiplyExact(rows.size(), columns)];
    for (int r = 0; r < rows.size(); r++) {
      int[] row = field.apply(rows.get(r));
      for (int c = 0; c < columns; c++) {
        out[r * columns + c] = row[c];
      }
    }
    return out;
  }

  private static long[] widen(int[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof BatchEncoding)) {
      return false;
    }
    BatchEncoding b = (BatchEncoding) o;
    return rows.equals(b.rows) && Arrays.equals(sampleOfRow, b.sampleOfRow);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, Arrays.hashCode(sampleOfRow));
  }

  @Override
  public String toString() {
    return "BatchEncoding{rows=" + rows.size()
        + (isRectangular() && !rows.isEmpty() ? ", columns=" + rows.get(0).size() : ", ragged")
        + "}";
  }
}
