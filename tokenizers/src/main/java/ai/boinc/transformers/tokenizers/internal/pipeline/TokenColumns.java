package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizers.models.TokenSink;
import java.util.Arrays;

/**
 * A model's tokens in growable columns (id, text, start, end), in the order the model made them.
 * The arrays are handed out as they are: ones outgrown stay valid for whoever holds them. Not
 * thread-safe.
 */
public final class TokenColumns implements TokenSink {
  private int[] ids;
  private String[] values;
  private int[] offsets;
  private int n;

  public TokenColumns(int capacity) {
    ids = new int[capacity];
    values = new String[capacity];
    offsets = new int[2 * capacity];
  }

  @Override
  public void token(int id, String value, int start, int end) {
    if (n == ids.length) {
      int capacity = Math.max(4, 2 * n);
      ids = Arrays.copyOf(ids, capacity);
      values = Arrays.copyOf(values, capacity);
      offsets = Arrays.copyOf(offsets, 2 * capacity);
    }
    ids[n] = id;
    values[n] = value;
    offsets[2 * n] = start;
    offsets[2 * n + 1] = end;
    n++;
  }

  /** Number of tokens so far. */
  public int size() {
    return n;
  }

  /** The ids, valid up to {@link #size}. Not to be changed. */
  public int[] ids() {
    return ids;
  }

  /** The tokens' text, valid up to {@link #size}. Not to be changed. */
  public String[] values() {
    return values;
  }

  /** Start and end of each token, two per token, valid up to {@code 2 * size()}. */
  public int[] offsets() {
    return offsets;
  }

  /** Hands every token to {@code sink}, in order. */
  public void replay(TokenSink sink) {
    for (int i = 0; i < n; i++) {
      sink.token(ids[i], values[i], offsets[2 * i], offsets[2 * i + 1]);
    }
  }
}
