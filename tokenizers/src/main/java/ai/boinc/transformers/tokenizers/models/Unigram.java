package ai.boinc.transformers.tokenizers.models;

import ai.boinc.transformers.tokenizers.internal.pipeline.TokenColumns;
import ai.boinc.transformers.tokenizers.internal.text.Utf16Trie;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

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
  /** Piece to id (the last id of a repeated piece). */
  private final Utf16Trie trie;
  /** The id of {@code <0xXX>} for each byte, or NONE (all NONE without byte fallback). */
  private final int[] byteIds;
  private final int unkId;
  private final boolean byteFallback;
  private final double unkScore;
  /** The tokens of short pieces seen before: words repeat, and the lattice is the costly part. */
  private final PieceCache cache = new PieceCache();

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
    double min = Double.POSITIVE_INFINITY;
    int total = 0;
    for (int i = 0; i < n; i++) {
      scores[i] = b.scores.get(i);
      total += pieces[i].length();
      if (scores[i] < min) {
        min = scores[i];
      }
    }
    // Added in id order, so a repeated piece maps to its last id.
    Utf16Trie.Builder t = new Utf16Trie.Builder(total);
    for (int i = 0; i < n; i++) {
      t.add(pieces[i], i);
    }
    trie = t.build();
    unkId = b.unkId;
    byteFallback = b.byteFallback;
    unkScore = min - UNK_PENALTY;
    byteIds = new int[256];
    Arrays.fill(byteIds, Utf16Trie.NONE);
    if (byteFallback) {
      for (int i = 0; i < 256; i++) {
        byteIds[i] = trie.get(String.format("<0x%02X>", i));
      }
    }
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
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

  /**
   * Empties the per-piece cache, as the reference's {@code Unigram::clear_cache}: the next texts
   * are tokenized as if never seen. Safe while other threads encode.
   */
  public void clearCache() {
    cache.clear();
  }

  @Override
  public void tokenize(String text, TokenSink sink) {
    if (text.length() >= MAX_CACHED_LENGTH) {
      tokenizeUncached(text, sink);
      return;
    }
    int hash = text.hashCode();
    int[] entry = cache.get(text, hash);
    if (entry != null) {
      replay(entry, text, sink);
      return;
    }
    // The tokens of one piece, recorded once and replayed from the cache.
    TokenColumns tokens = new TokenColumns(4);
    tokenizeUncached(text, tokens);
    cache.put(PieceCache.entry(text, hash, tokens, pieces));
    tokens.replay(sink);
  }

  /** Hands out the tokens of a cache entry (see {@link PieceCache#entry}). */
  private void replay(int[] entry, String text, TokenSink sink) {
    int t = PieceCache.tokensAt(text.length());
    int end = t + 1 + 3 * entry[t];
    for (int i = t + 1; i < end; i += 3) {
      int id = entry[i];
      int start = entry[i + 1];
      int stop = entry[i + 2];
      if (id >= 0) {
        sink.token(id, pieces[id], start, stop);
      } else {
        sink.token(id & Integer.MAX_VALUE, text.substring(start, stop), start, stop);
      }
    }
  }

  private void tokenizeUncached(String text, TokenSink sink) {
    int n = text.length();
    if (n == 0) {
      return;
    }
    // best[i]: score of the best path to i; from[i]: where its last piece starts (-1: none yet);
    // ids[i]: that piece. The trie is walked in place: no callback, nothing boxed.
    double[] best = new double[n + 1];
    int[] from = new int[n + 1];
    int[] ids = new int[n + 1];
    Arrays.fill(from, -1);
    int start = 0;
    while (start < n) {
      char c = text.charAt(start);
      int charEnd = start + 1;
      if (Character.isHighSurrogate(c)
          && charEnd < n
          && Character.isLowSurrogate(text.charAt(charEnd))) {
        charEnd++;
      }
      double base = best[start];
      boolean single = false;
      int node = trie.child(Utf16Trie.root(), c);
      int end = start + 1;
      while (node != Utf16Trie.NONE) {
        int id = trie.value(node);
        if (id != Utf16Trie.NONE) {
          double candidate = scores[id] + base;
          if (from[end] < 0 || candidate > best[end]) {
            best[end] = candidate;
            from[end] = start;
            ids[end] = id;
          }
          if (end == charEnd) {
            single = true;
          }
        }
        if (end == n) {
          break;
        }
        node = trie.child(node, text.charAt(end));
        end++;
      }
      if (!single) {
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

  /**
   * Walks the best path back, then hands out its tokens in order; runs of unknown pieces are fused
   * into one token, looked up by its text (as the reference does).
   */
  private void emit(String text, int[] from, int[] ids, TokenSink sink) {
    int[] ends = new int[text.length()];
    int k = 0;
    for (int end = text.length(); end > 0; end = from[end]) {
      ends[k++] = end;
    }
    int start = 0;
    int j = k - 1;
    while (j >= 0) {
      int end = ends[j];
      int id = ids[end];
      if (id == unkId) {
        while (j >= 0 && ids[ends[j]] == unkId) {
          end = ends[j--];
        }
        unknown(text, start, end, sink);
      } else {
        // A piece found in the trie: its id is known, and the vocabulary holds its text.
        sink.token(id, pieces[id], start, end);
        j--;
      }
      start = end;
    }
  }

  /** The token(s) for the fused unknown text {@code text[start, end)}. */
  private void unknown(String text, int start, int end, TokenSink sink) {
    String piece = text.substring(start, end);
    int id = trie.get(piece);
    if (id != Utf16Trie.NONE) {
      sink.token(id, piece, start, end);
    } else if (!byteFallback || !bytes(piece, start, end, sink)) {
      if (unkId < 0) {
        throw new IllegalStateException(
            "Unigram: text needs the unknown piece but the model has no unk_id");
      }
      sink.token(unkId, piece, start, end);
    }
  }

  /** {@code <0xXX>} tokens for the UTF-8 bytes of {@code piece}, if the vocabulary has all. */
  private boolean bytes(String piece, int start, int end, TokenSink sink) {
    byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
    for (byte b : utf8) {
      if (byteIds[b & 0xFF] == Utf16Trie.NONE) {
        return false;
      }
    }
    for (byte b : utf8) {
      int id = byteIds[b & 0xFF];
      sink.token(id, pieces[id], start, end);
    }
    return true;
  }

  @Override
  public OptionalInt tokenToId(String token) {
    int id = trie.get(token);
    return id == Utf16Trie.NONE ? OptionalInt.empty() : OptionalInt.of(id);
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

  /**
   * The tokens of up to {@value #CACHE_CAPACITY} pieces, each entry one {@code int[]}: {@code
   * [hash, length, the piece's units two per int..., token count, (id, start, end) per token]}, an
   * id with the top bit set standing for a token whose text is its span of the piece rather than
   * its vocabulary entry (fused unknown text). A hit reads one small array instead of a map node,
   * a key string and a token object, which matters as most pieces are hits. Open addressing with
   * a short probe; entries are published with release/acquire and never change or leave, so
   * readers need no lock. A piece whose probe run is full is simply not cached.
   */
  private static final class PieceCache {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[][].class);
    private static final int PROBES = 8;
    private final int[][] slots = new int[Integer.highestOneBit(CACHE_CAPACITY) << 2][];
    private final AtomicInteger size = new AtomicInteger();

    static int tokensAt(int length) {
      return 2 + (length + 1) / 2;
    }

    int size() {
      return Math.min(size.get(), CACHE_CAPACITY);
    }

    /** Racing inserts may survive the clear; they only keep a few more pieces. */
    void clear() {
      for (int i = 0; i < slots.length; i++) {
        SLOTS.setRelease(slots, i, null);
      }
      size.set(0);
    }

    int[] get(String text, int hash) {
      int mask = slots.length - 1;
      int i = mix(hash) & mask;
      for (int p = 0; p < PROBES; p++) {
        int[] e = (int[]) SLOTS.getAcquire(slots, i);
        if (e == null) {
          return null;
        }
        if (e[0] == hash && matches(e, text)) {
          return e;
        }
        i = (i + 1) & mask;
      }
      return null;
    }

    void put(int[] entry) {
      if (entry == null || size.get() >= CACHE_CAPACITY) {
        return;
      }
      // Reserve room first, so that racing writers never take the cache past its capacity.
      if (size.getAndIncrement() >= CACHE_CAPACITY) {
        size.decrementAndGet();
        return;
      }
      int mask = slots.length - 1;
      int i = mix(entry[0]) & mask;
      for (int p = 0; p < PROBES; p++) {
        if (SLOTS.compareAndSet(slots, i, null, entry)) {
          return;
        }
        i = (i + 1) & mask;
      }
      size.decrementAndGet();
    }

    private static int mix(int h) {
      return h ^ (h >>> 16);
    }

    private static boolean matches(int[] e, String text) {
      int n = text.length();
      if (e[1] != n) {
        return false;
      }
      int k = 2;
      int i = 0;
      for (; i + 1 < n; i += 2) {
        if (e[k++] != (text.charAt(i) | (text.charAt(i + 1) << 16))) {
          return false;
        }
      }
      return i == n || e[k] == text.charAt(i);
    }

    /**
     * The entry for {@code text} and its tokens, or null if a token is neither a vocabulary
     * entry nor the text it spans (never the case for Unigram's own tokens; a safeguard).
     */
    static int[] entry(String text, int hash, TokenColumns tokens, String[] pieces) {
      int n = text.length();
      int t = tokensAt(n);
      int[] e = new int[t + 1 + 3 * tokens.size()];
      e[0] = hash;
      e[1] = n;
      for (int i = 0; i < n; i++) {
        e[2 + i / 2] |= text.charAt(i) << (16 * (i & 1));
      }
      e[t] = tokens.size();
      for (int j = 0; j < tokens.size(); j++) {
        int id = tokens.ids()[j];
        int start = tokens.offsets()[2 * j];
        int end = tokens.offsets()[2 * j + 1];
        String value = tokens.values()[j];
        if (value != pieces[id]) {
          if (!text.regionMatches(start, value, 0, value.length()) || value.length() != end - start) {
            return null;
          }
          id |= Integer.MIN_VALUE;
        }
        e[t + 1 + 3 * j] = id;
        e[t + 2 + 3 * j] = start;
        e[t + 3 + 3 * j] = end;
      }
      return e;
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
