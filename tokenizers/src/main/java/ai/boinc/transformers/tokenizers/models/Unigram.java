package ai.boinc.transformers.tokenizers.models;

import ai.boinc.transformers.tokenizers.internal.Utf16Trie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON model type {@code Unigram}: SentencePiece's unigram language model. Every way of cutting a
 * piece of text into vocabulary entries is scored by the sum of the entries' scores (log
 * probabilities) and the best one wins (Viterbi over the lattice of matches). A character no entry
 * starts with counts as the unknown piece, scored 10 below the lowest score; adjacent unknown
 * pieces are fused into one token that keeps their text and gets {@code unk_id} (or, with {@code
 * byte_fallback}, becomes {@code <0xXX>} byte tokens when the vocabulary has them).
 *
 * <p>Ties are broken as the reference does: among paths ending at the same position the first one
 * found (scanning starts left to right, shorter matches first, the unknown piece last) is kept
 * unless a later one scores strictly higher. Encoding text that needs the unknown piece fails with
 * {@link IllegalStateException} when the model has no {@code unk_id}, as in the reference.
 * Immutable and thread-safe.
 */
public final class Unigram implements Model {
  private static final double UNK_PENALTY = 10.0;
  /** Pieces at least this long (UTF-16 units) are not cached; as {@link Bpe}'s cache. */
  private static final int MAX_CACHED_LENGTH = 256;
  /** Cached pieces at most; the cache never evicts (like the reference's). */
  private static final int CACHE_CAPACITY = 10_000;

  private final String[] pieces;
  private final double[] scores;
  private final Map<String, Integer> tokenToId;
  private final Utf16Trie trie;
  private final int unkId;
  private final boolean byteFallback;
  private final double unkScore;
  /** The tokens of short pieces seen before: words repeat, and the lattice is the costly part. */
  private final ConcurrentHashMap<String, Tokens> cache = new ConcurrentHashMap<>();

  private Unigram(Builder b) {
    int n = b.pieces.size();
    if (b.unkId >= 0 && n == 0) {
      throw new IllegalArgumentException("the vocabulary is empty but unk_id is set");
    }
    if (b.unkId >= n && b.unkId >= 0) {
      throw new IllegalArgumentException(
          "unk_id " + b.unkId + " is not in a vocabulary of " + n + " pieces");
    }
    pieces = b.pieces.toArray(new String[0]);
    scores = new double[n];
    tokenToId = new HashMap<>(n * 2);
    double min = Double.POSITIVE_INFINITY;
    int total = 0;
    for (int i = 0; i < n; i++) {
      scores[i] = b.scores.get(i);
      tokenToId.put(pieces[i], i);
      total += pieces[i].length();
      if (scores[i] < min) {
        min = scores[i];
      }
    }
    Utf16Trie.Builder t = new Utf16Trie.Builder(total);
    for (Map.Entry<String, Integer> e : tokenToId.entrySet()) {
      t.add(e.getKey(), e.getValue());
    }
    trie = t.build();
    unkId = b.unkId;
    byteFallback = b.byteFallback;
    unkScore = min - UNK_PENALTY;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The id of the unknown piece, if the model has one. */
  public OptionalInt unkId() {
    return unkId < 0 ? OptionalInt.empty() : OptionalInt.of(unkId);
  }

  public boolean byteFallback() {
    return byteFallback;
  }

  /** Score of piece {@code id}. */
  public double score(int id) {
    return scores[id];
  }

  /** Number of pieces in the per-piece cache; never more than 10,000. */
  public int cacheSize() {
    return cache.size();
  }

  @Override
  public void tokenize(String text, TokenSink sink) {
    if (text.length() >= MAX_CACHED_LENGTH) {
      tokenizeUncached(text, sink);
      return;
    }
    Tokens tokens = cache.get(text);
    if (tokens == null) {
      tokens = new Tokens();
      tokenizeUncached(text, tokens);
      if (cache.size() < CACHE_CAPACITY) {
        cache.putIfAbsent(text, tokens);
      }
    }
    tokens.replay(sink);
  }

  private void tokenizeUncached(String text, TokenSink sink) {
    int n = text.length();
    if (n == 0) {
      return;
    }
    double[] best = new double[n + 1];
    int[] from = new int[n + 1];
    int[] ids = new int[n + 1];
    Arrays.fill(from, -1);
    int start = 0;
    while (start < n) {
      int charEnd = start + Character.charCount(text.codePointAt(start));
      double base = best[start];
      int s = start;
      boolean[] single = {false};
      trie.prefixes(
          text,
          start,
          n,
          (end, id) -> {
            double candidate = scores[id] + base;
            if (from[end] < 0 || candidate > best[end]) {
              best[end] = candidate;
              from[end] = s;
              ids[end] = id;
            }
            if (end == charEnd) {
              single[0] = true;
            }
          });
      if (!single[0]) {
        double candidate = unkScore + base;
        if (from[charEnd] < 0 || candidate > best[charEnd]) {
          if (unkId < 0) {
            throw new IllegalStateException(
                "Unigram: text needs the unknown piece but the model has no unk_id");
          }
          best[charEnd] = candidate;
          from[charEnd] = start;
          ids[charEnd] = unkId;
        }
      }
      start = charEnd;
    }
    emit(text, from, ids, sink);
  }

  /** Walks the best path back, fuses unknown pieces, and hands out the tokens in order. */
  private void emit(String text, int[] from, int[] ids, TokenSink sink) {
    List<int[]> spans = new ArrayList<>();
    int end = text.length();
    int fusedEnd = -1;
    while (end > 0) {
      int start = from[end];
      if (unkId >= 0 && ids[end] == unkId) {
        if (fusedEnd < 0) {
          fusedEnd = end;
        }
      } else {
        if (fusedEnd >= 0) {
          spans.add(new int[] {end, fusedEnd});
          fusedEnd = -1;
        }
        spans.add(new int[] {start, end});
      }
      end = start;
    }
    if (fusedEnd >= 0) {
      spans.add(new int[] {0, fusedEnd});
    }
    for (int i = spans.size() - 1; i >= 0; i--) {
      int a = spans.get(i)[0];
      int b = spans.get(i)[1];
      String piece = text.substring(a, b);
      Integer id = tokenToId.get(piece);
      if (id != null) {
        sink.token(id, piece, a, b);
      } else if (!byteFallback || !bytes(piece, a, b, sink)) {
        if (unkId < 0) {
          throw new IllegalStateException(
              "Unigram: text needs the unknown piece but the model has no unk_id");
        }
        sink.token(unkId, piece, a, b);
      }
    }
  }

  /** {@code <0xXX>} tokens for the UTF-8 bytes of {@code piece}, if the vocabulary has all. */
  private boolean bytes(String piece, int start, int end, TokenSink sink) {
    byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
    int[] byteIds = new int[utf8.length];
    String[] names = new String[utf8.length];
    for (int i = 0; i < utf8.length; i++) {
      names[i] = String.format("<0x%02X>", utf8[i] & 0xFF);
      Integer id = tokenToId.get(names[i]);
      if (id == null) {
        return false;
      }
      byteIds[i] = id;
    }
    for (int i = 0; i < utf8.length; i++) {
      sink.token(byteIds[i], names[i], start, end);
    }
    return true;
  }

  @Override
  public OptionalInt tokenToId(String token) {
    Integer id = tokenToId.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public Optional<String> idToToken(int id) {
    return id >= 0 && id < pieces.length ? Optional.of(pieces[id]) : Optional.empty();
  }

  @Override
  public int vocabSize() {
    return pieces.length;
  }

  @Override
  public String toString() {
    return "Unigram{vocab=" + pieces.length + ", unkId=" + unkId + ", byteFallback=" + byteFallback
        + "}";
  }

  /** The tokens of one piece, recorded once and replayed from the cache. */
  private static final class Tokens implements TokenSink {
    private int[] ids = new int[4];
    private String[] values = new String[4];
    private int[] offsets = new int[8];
    private int n;

    @Override
    public void token(int id, String value, int start, int end) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, 2 * n);
        values = Arrays.copyOf(values, 2 * n);
        offsets = Arrays.copyOf(offsets, 4 * n);
      }
      ids[n] = id;
      values[n] = value;
      offsets[2 * n] = start;
      offsets[2 * n + 1] = end;
      n++;
    }

    void replay(TokenSink sink) {
      for (int i = 0; i < n; i++) {
        sink.token(ids[i], values[i], offsets[2 * i], offsets[2 * i + 1]);
      }
    }
  }

  /** Builds a {@link Unigram}. Not thread-safe. */
  public static final class Builder {
    private final List<String> pieces = new ArrayList<>();
    private final List<Double> scores = new ArrayList<>();
    private int unkId = -1;
    private boolean byteFallback;

    private Builder() {}

    /** Appends a piece; its id is its position. */
    public Builder piece(String piece, double score) {
      pieces.add(Objects.requireNonNull(piece, "piece"));
      scores.add(score);
      return this;
    }

    /** @param unkId the unknown piece's id, or -1 for none */
    public Builder unkId(int unkId) {
      this.unkId = unkId < 0 ? -1 : unkId;
      return this;
    }

    public Builder byteFallback(boolean byteFallback) {
      this.byteFallback = byteFallback;
      return this;
    }

    /** @throws IllegalArgumentException if {@code unkId} is not a piece */
    public Unigram build() {
      return new Unigram(this);
    }
  }
}
