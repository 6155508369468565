package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.pipeline.TokenColumns;
import ai.boinc.transformers.tokenizers.models.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Text cut into pieces ({@link Split}s), each a {@link NormalizedString} slice of the original
 * text, some already turned into tokens (added tokens found in the text, or the model's output),
 * the reference library's {@code PreTokenizedString}.
 *
 * <p>Mutable and not thread-safe: one instance belongs to one encode call.
 */
public final class PreTokenizedString {
  private List<Split> splits;

  private PreTokenizedString(List<Split> splits) {
    this.splits = splits;
  }

  /** One piece holding all of {@code text}. */
  public static PreTokenizedString of(NormalizedString text) {
    List<Split> list = new ArrayList<>(1);
    list.add(Split.of(text));
    return new PreTokenizedString(list);
  }

  public static PreTokenizedString of(String text) {
    return of(NormalizedString.of(text));
  }

  public List<Split> splits() {
    return Collections.unmodifiableList(splits);
  }

  /**
   * Replaces each piece that has no tokens yet by the pieces {@code splitter} makes of it; pieces
   * with tokens are kept as they are, and empty pieces are dropped (as in the reference).
   */
  public void split(Splitter splitter) {
    List<Split> out = new ArrayList<>(splits.size() + 4);
    for (int i = 0; i < splits.size(); i++) {
      Split s = splits.get(i);
      if (s.isTokenized()) {
        out.add(s);
        continue;
      }
      for (Split piece : splitter.split(i, s.normalized())) {
        if (!piece.normalized().isEmpty()) {
          out.add(piece);
        }
      }
    }
    splits = out;
  }

  /** {@link #split} for splitters that only cut text and make no tokens. */
  public void splitEach(Function<NormalizedString, List<NormalizedString>> splitter) {
    split(
        (index, piece) -> {
          List<NormalizedString> parts = splitter.apply(piece);
          List<Split> out = new ArrayList<>(parts.size());
          for (NormalizedString p : parts) {
            out.add(Split.of(p));
          }
          return out;
        });
  }

  /**
   * Rewrites every piece that has no tokens yet in place with {@code rewrite}, then drops the
   * empty ones: {@link #splitEach} for a splitter that returns its piece, without new lists.
   */
  public void rewriteEach(Consumer<NormalizedString> rewrite) {
    boolean empty = false;
    for (Split s : splits) {
      if (!s.isTokenized()) {
        rewrite.accept(s.normalized());
        empty |= s.normalized().isEmpty();
      }
    }
    if (empty) {
      splits.removeIf(s -> !s.isTokenized() && s.normalized().isEmpty());
    }
  }

  /** Runs {@code model} on every piece that has no tokens yet. */
  public void tokenize(Model model) {
    TokenColumns c = new TokenColumns(Math.max(8, 2 * splits.size()));
    for (int i = 0; i < splits.size(); i++) {
      Split s = splits.get(i);
      if (!s.isTokenized()) {
        int from = c.size();
        model.tokenize(s.normalized().normalized(), c);
        splits.set(i, toSplit(c, s.normalized(), from));
      }
    }
  }

  /**
   * {@link #tokenize}, stopping early as the reference does when truncation is configured: pieces
   * are tokenized in order (from the last one when {@code fromEnd}) and, as soon as the tokens of
   * the pieces visited reach {@code maxTokens} right after a piece the model tokenized, the pieces
   * not visited yet are dropped. Pieces that already hold tokens count but never stop the walk.
   */
  public void tokenize(Model model, int maxTokens, boolean fromEnd) {
    int n = splits.size();
    int count = 0;
    int i = fromEnd ? n - 1 : 0;
    int step = fromEnd ? -1 : 1;
    TokenColumns c = new TokenColumns(Math.max(8, 2 * n));
    for (; i >= 0 && i < n; i += step) {
      Split s = splits.get(i);
      if (s.isTokenized()) {
        count += s.tokenCount();
        continue;
      }
      int from = c.size();
      model.tokenize(s.normalized().normalized(), c);
      Split done = toSplit(c, s.normalized(), from);
      splits.set(i, done);
      count += done.tokenCount();
      if (count >= maxTokens) {
        break;
      }
    }
    if (i >= 0 && i < n) {
      splits = fromEnd ? new ArrayList<>(splits.subList(i, n)) : new ArrayList<>(splits.subList(0, i + 1));
    }
  }

  /** Cuts one piece into pieces. */
  @FunctionalInterface
  public interface Splitter {
    /**
     * @param index the position of {@code piece} among the current pieces
     */
    List<Split> split(int index, NormalizedString piece);
  }

  /**
   * One piece: its text and, once tokenized, its tokens with offsets into its normalized text.
   * Immutable once built (the {@link NormalizedString} inside must not be changed any more).
   * The tokens of all pieces of one text live in shared arrays; a piece knows its range.
   */
  public static final class Split {
    private final NormalizedString normalized;
    private final int[] ids;
    private final String[] values;
    private final int[] offsets;
    private final int base;
    private final int count;

    private Split(
        NormalizedString normalized, int[] ids, String[] values, int[] offsets, int base, int count) {
      this.normalized = Objects.requireNonNull(normalized, "normalized");
      this.ids = ids;
      this.values = values;
      this.offsets = offsets;
      this.base = base;
      this.count = count;
    }

    /** A piece still to be tokenized. */
    public static Split of(NormalizedString normalized) {
      return new Split(normalized, null, null, null, 0, 0);
    }

    /** A piece that is one token spanning all of it (an added token). */
    public static Split ofToken(NormalizedString normalized, int id, String value) {
      return new Split(
          normalized,
          new int[] {id},
          new String[] {value},
          new int[] {0, normalized.length()},
          0,
          1);
    }

    public NormalizedString normalized() {
      return normalized;
    }

    public boolean isTokenized() {
      return ids != null;
    }

    /** Number of tokens, 0 if not tokenized. */
    public int tokenCount() {
      return count;
    }

    public int id(int token) {
      return ids[base + Objects.checkIndex(token, count)];
    }

    public String value(int token) {
      return values[base + Objects.checkIndex(token, count)];
    }

    /** Start of token {@code token} in this piece's normalized text. */
    public int start(int token) {
      return offsets[2 * (base + Objects.checkIndex(token, count))];
    }

    public int end(int token) {
      return offsets[2 * (base + Objects.checkIndex(token, count)) + 1];
    }
  }

  /**
   * The piece holding the tokens collected in {@code c} since {@code from}: the pieces of one text
   * share {@code c}'s arrays (arrays outgrown stay valid for the splits made from them).
   */
  private static Split toSplit(TokenColumns c, NormalizedString normalized, int from) {
    return new Split(normalized, c.ids(), c.values(), c.offsets(), from, c.size() - from);
  }
}
