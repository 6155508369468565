package ai.boinc.transformers.tokenizers.internal.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A JSON array of {@code [piece, score]} pairs (a Unigram vocabulary), as read by {@link
 * TokenizerJson}: pieces and scores in document order, no list per pair. Also a read-only list
 * view of the pairs as the generic tree has them, but for the score, a {@code Double}.
 */
public final class ScoredPieces extends AbstractList<Object> {
  private final String[] pieces;
  private final double[] scores;
  private final int count;

  private ScoredPieces(String[] pieces, double[] scores, int count) {
    this.pieces = pieces;
    this.scores = scores;
    this.count = count;
  }

  public int count() {
    return count;
  }

  public String piece(int i) {
    return pieces[i];
  }

  /** The score as {@link Double#parseDouble} reads its text. */
  public double score(int i) {
    return scores[i];
  }

  @Override
  public Object get(int i) {
    return List.of(pieces[Objects.checkIndex(i, count)], scores[i]);
  }

  @Override
  public int size() {
    return count;
  }

  static final class Builder {
    private String[] pieces = new String[1024];
    private double[] scores = new double[1024];
    private int count;

    void add(String piece, double score) {
      if (count == pieces.length) {
        pieces = Arrays.copyOf(pieces, 2 * count);
        scores = Arrays.copyOf(scores, 2 * count);
      }
      pieces[count] = piece;
      scores[count++] = score;
    }

    ScoredPieces build() {
      return new ScoredPieces(pieces, scores, count);
    }
  }
}
