package ai.boinc.transformers.tokenizers.models.bpe;

import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.models.TokenSink;
import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import ai.boinc.transformers.tokenizers.internal.text.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JSON model type {@code BPE}: byte-pair encoding as the reference library runs it. A piece of
 * text starts as one symbol per character (with {@code continuing_subword_prefix} on every
 * character but the first and {@code end_of_word_suffix} on the last); characters missing from
 * the vocabulary become {@code <0xXX>} byte tokens ({@code byte_fallback}) or the unknown token
 * (consecutive ones fused into one with {@code fuse_unk}). Then the adjacent pair with the lowest
 * merge rank is merged, the leftmost one on ties, until no pair can be merged. With {@code
 * ignore_merges}, a piece that is itself in the vocabulary is emitted as one token.
 *
 * <p>Known difference: with both {@code byte_fallback} and a non-empty {@code
 * continuing_subword_prefix}/{@code end_of_word_suffix} (no known model has both), the reference
 * counts the prefix's bytes into its offsets so they drift; here every byte token spans its
 * character. Ids and tokens agree. Dropout is not supported (it makes encoding random). Immutable and thread-safe; results for
 * short pieces are kept in a bounded cache that never evicts (like the reference's).
 */
public final class Bpe implements Model {
  /** Pieces at least this long (UTF-16 units) are not cached, as in the reference (bytes there). */
  private static final int MAX_CACHED_LENGTH = 256;

  private static final long NO_MERGE = -1L;
  /** A pair without a merge, above every {@code rank << 32 | id}. */
  private static final long NO_PAIR = Long.MAX_VALUE;
  /** Words of at most this many symbols merge by {@link #mergeByScan}, longer ones by the queue. */
  private static final int MAX_SCANNED_SYMBOLS = 48;
  /** SentencePiece's word-start mark {@code ▁}. */
  private static final char METASPACE = '\u2581';

  private final Map<String, Integer> vocab;
  private final String[] idToToken;
  private final Map<Integer, String> sparseIdToToken;
  private final LongLongMap merges;
  private final int mergeCount;
  private final String unkToken;
  private final int unkId;
  private final String prefix;
  private final String suffix;
  private final boolean fuseUnk;
  private final boolean byteFallback;
  private final boolean ignoreMerges;
  /** Id of each BMP character alone, -1 if it is not in the vocabulary. */
  private final int[] bmpIds;
  private final Map<Integer, Integer> astralIds;
  /** Id of {@code <0xXX>} for each byte, -1 if missing. */
  private final int[] byteIds;
  private final int cacheCapacity;
  private final WordCache cache;
  /** Finds a whole word among the tokens without a substring. */
  private final TokenIndex index;
  /**
   * Per token id: whether merging the token's own text gives that token alone ({@link #WHOLE}),
   * does not ({@link #PIECES}), or is not known yet (0). Merging is a function of the text alone,
   * so a word found in the vocabulary whose id is {@link #WHOLE} needs no merge and no cache: one
   * look-up, however many distinct words the text has. Filled as words are met; racy writes are
   * harmless, every thread computes the same value. Empty when ids are sparse.
   */
  private final byte[] wholeWord;

  private static final byte WHOLE = 1;
  private static final byte PIECES = 2;
  /**
   * The vocabulary as byte strings ({@link ByteWords}), {@link #NOT_BYTE_LEVEL}, or null until
   * first asked for: built on first use, so that loading pays nothing for it.
   */
  private volatile Object byteView;

  private static final Object NOT_BYTE_LEVEL = new Object();

  private final Object byteViewLock = new Object();
  private final AtomicBoolean byteViewStarted = new AtomicBoolean();

  /** Whether {@link #wholeWord} holds every token's answer ({@link #learnWholeWords}). */
  private volatile boolean wholeWordsKnown;

  /** See {@link #cutsBeforeMetaspace}. */
  private final boolean cutsBeforeMetaspace;

  private Bpe(Builder b) {
    this.prefix = b.continuingSubwordPrefix == null ? "" : b.continuingSubwordPrefix;
    this.suffix = b.endOfWordSuffix == null ? "" : b.endOfWordSuffix;
    TokenIndex tokenIndex = b.index;
    if (tokenIndex == null && b.tokens != null) {
      tokenIndex = new TokenIndex(b.tokens, b.ids);
    }
    Tables tables;
    String[] tokens;
    if (b.tokens != null && tokenIndex.size() == b.tokens.length) {
      // No token repeats: the index answers the map's look-ups, and the builder's arrays are the
      // entries, walked several times (arrays are much faster to walk than a 200k-entry map).
      this.vocab = new TokenIndexMap(tokenIndex);
      tokens = b.tokens;
      tables = new Tables(b, tokens, b.ids, vocab, prefix, tokenIndex);
    } else {
      // A HashMap, not Map.copyOf: the immutable map's linear probing is several times slower
      // on the 200k-entry vocabularies of byte-level models.
      HashMap<String, Integer> map = b.vocabMap();
      this.vocab = Collections.unmodifiableMap(map);
      tokens = new String[map.size()];
      int[] ids = new int[map.size()];
      int k = 0;
      for (Map.Entry<String, Integer> e : map.entrySet()) {
        tokens[k] = e.getKey();
        ids[k++] = e.getValue();
      }
      tables = new Tables(b, tokens, ids, vocab, prefix, null);
      if (tokenIndex == null) {
        tokenIndex = new TokenIndex(map);
      }
    }
    this.idToToken = tables.idToToken;
    this.sparseIdToToken = tables.sparseIdToToken;
    this.merges = tables.merges;
    this.mergeCount = tables.mergeCount;
    this.bmpIds = tables.bmpIds;
    this.astralIds = tables.astralIds;
    this.unkToken = b.unkToken;
    Integer u = unkToken == null ? null : vocab.get(unkToken);
    this.unkId = u == null ? -1 : u;
    this.fuseUnk = b.fuseUnk;
    this.byteFallback = b.byteFallback;
    this.ignoreMerges = b.ignoreMerges;
    this.byteIds = new int[256];
    for (int i = 0; i < 256; i++) {
      Integer id = vocab.get(byteToken(i));
      byteIds[i] = id == null ? -1 : id;
    }
    this.cacheCapacity = b.cacheCapacity;
    this.cache = new WordCache(cacheCapacity);
    this.index = tokenIndex;
    this.wholeWord = new byte[idToToken.length];
    this.cutsBeforeMetaspace = cutsBeforeMetaspace(vocab, tokens, prefix, suffix, ignoreMerges);
  }

  /** What the constructor derives from the vocabulary's entries and the merges. */
  private static final class Tables {
    String[] idToToken;
    Map<Integer, String> sparseIdToToken;
    LongLongMap merges;
    int mergeCount;
    int[] bmpIds;
    Map<Integer, Integer> astralIds;

    /**
     * {@code index}, if not null, indexes exactly these tokens and ids, none repeated: the
     * single code point tokens are then found from its arrays.
     */
    Tables(
        Builder b, String[] tokens, int[] ids, Map<String, Integer> vocab, String prefix,
        TokenIndex index) {
      // Merges a reader resolved from this vocabulary's own index are valid ids by construction:
      // a large table of them is filled on a pool thread while the rest is built here.
      MergeTable trusted = null;
      if (b.mergeIds != null && b.mergedIdsFromText && b.mergeIds.length / 3 >= PARALLEL_MERGES) {
        trusted = new MergeTable(b.mergeIds);
        trusted.fork();
      }
      int maxId = -1;
      for (int id : ids) {
        if (id < 0) {
          throw new IllegalArgumentException("negative id " + id + " in the vocabulary");
        }
        maxId = Math.max(maxId, id);
      }
      // Whether no two tokens share an id (then an id names one token).
      boolean uniqueIds = true;
      if (maxId < 4 * tokens.length + 1024) {
        idToToken = new String[maxId + 1];
        for (int k = 0; k < tokens.length; k++) {
          uniqueIds &= idToToken[ids[k]] == null;
          idToToken[ids[k]] = tokens[k];
        }
        sparseIdToToken = Map.of();
      } else {
        idToToken = new String[0];
        Map<Integer, String> r = new HashMap<>();
        for (int k = 0; k < tokens.length; k++) {
          uniqueIds &= r.put(ids[k], tokens[k]) == null;
        }
        sparseIdToToken = r;
      }
      int rank = 0;
      if (trusted != null) {
        bmpIds(tokens, ids, index);
        merges = trusted.join();
        mergeCount = b.mergeIds.length / 3;
        return;
      }
      if (b.mergeIds != null) {
        int[] t = b.mergeIds;
        merges = new LongLongMap(Math.max(1, t.length / 3));
        for (; rank < t.length / 3; rank++) {
          int a = t[3 * rank];
          int c = t[3 * rank + 1];
          int id = t[3 * rank + 2];
          checkResolvedMerge(rank, a, c, id, prefix, uniqueIds && !b.mergedIdsFromText);
          merges.put(LongLongMap.pack(a, c), LongLongMap.pack(rank, id));
        }
      } else {
        merges = new LongLongMap(Math.max(1, b.merges.size()));
        for (String[] m : b.merges) {
          Integer a = vocab.get(m[0]);
          Integer c = vocab.get(m[1]);
          if (a == null || c == null) {
            throw new InvalidMergeException(
                rank, "token '" + (a == null ? m[0] : m[1]) + "' is not in the vocabulary");
          }
          String merged = m[0] + m[1].substring(Math.min(prefix.length(), m[1].length()));
          Integer id = vocab.get(merged);
          if (id == null) {
            throw new InvalidMergeException(
                rank, "merged token '" + merged + "' is not in the vocabulary");
          }
          // Like the reference's map, a repeated pair keeps its last rank.
          merges.put(LongLongMap.pack(a, c), LongLongMap.pack(rank, id));
          rank++;
        }
      }
      mergeCount = rank;
      bmpIds(tokens, ids, index);
    }

    /** The id of each token that is one code point. */
    private void bmpIds(String[] tokens, int[] ids, TokenIndex index) {
      if (index != null) {
        Map<Integer, Integer> astral = new HashMap<>();
        bmpIds = index.codePointIds(astral);
        astralIds = astral;
        return;
      }
      bmpIds = new int[Character.MAX_VALUE + 1];
      Arrays.fill(bmpIds, -1);
      Map<Integer, Integer> astral = new HashMap<>();
      for (int k = 0; k < tokens.length; k++) {
        String t = tokens[k];
        int length = t.length();
        // One code point: one char (a lone surrogate counts), or a surrogate pair.
        if (length == 1
            || (length == 2 && Character.isHighSurrogate(t.charAt(0)) && Character.isLowSurrogate(t.charAt(1)))) {
          int cp = t.codePointAt(0);
          if (cp <= Character.MAX_VALUE) {
            bmpIds[cp] = ids[k];
          } else {
            astral.put(cp, ids[k]);
          }
        }
      }
      astralIds = astral;
    }

    private String token(int id) {
      return id < idToToken.length ? idToToken[id] : sparseIdToToken.get(id);
    }

    /** Merge lists at least this long have their table filled on a pool thread. */
    private static final int PARALLEL_MERGES = 20_000;

    /**
     * The merge table of (left, right, merged) id triples in rank order, a repeated pair keeping
     * its last rank like the reference's map. A class, not a lambda: a lambda costs a class spun
     * at run time in a fresh JVM.
     */
    private static final class MergeTable extends RecursiveTask<LongLongMap> {
      private static final long serialVersionUID = 1L;
      private final int[] triples;

      MergeTable(int[] triples) {
        this.triples = triples;
      }

      @Override
      protected LongLongMap compute() {
        int[] t = triples;
        int n = t.length / 3;
        LongLongMap table = new LongLongMap(Math.max(1, n));
        for (int rank = 0; rank < n; rank++) {
          table.put(LongLongMap.pack(t[3 * rank], t[3 * rank + 1]), LongLongMap.pack(rank, t[3 * rank + 2]));
        }
        return table;
      }
    }

    /**
     * Checks a merge given as ids: all in the vocabulary and, when ids name tokens uniquely, the
     * merged token left + right (minus the prefix's length).
     */
    private void checkResolvedMerge(int rank, int a, int c, int id, String prefix, boolean uniqueIds) {
      String left = a >= 0 ? token(a) : null;
      String right = c >= 0 ? token(c) : null;
      String merged = id >= 0 ? token(id) : null;
      if (left == null || right == null || merged == null) {
        throw new InvalidMergeException(
            rank, "id " + (left == null ? a : right == null ? c : id) + " is not in the vocabulary");
      }
      int cut = Math.min(prefix.length(), right.length());
      if (uniqueIds
          && (merged.length() != left.length() + right.length() - cut
          || !merged.startsWith(left)
              || !merged.regionMatches(left.length(), right, cut, right.length() - cut))) {
        throw new InvalidMergeException(
            rank, "merged token '" + left + right.substring(cut) + "' is not in the vocabulary");
      }
    }
  }

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  /** {@code <0xXX>} (String.format is slow before the JIT has warmed up). */
  private static String byteToken(int b) {
    return new String(new char[] {'<', '0', 'x', HEX_DIGITS[b >> 4], HEX_DIGITS[b & 15], '>'});
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  @Override
  public OptionalInt tokenToId(String token) {
    Integer id = vocab.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public Optional<String> idToToken(int id) {
    if (id >= 0 && id < idToToken.length) {
      return Optional.ofNullable(idToToken[id]);
    }
    return Optional.ofNullable(sparseIdToToken.get(id));
  }

  private String token(int id) {
    return id < idToToken.length ? idToToken[id] : sparseIdToToken.get(id);
  }

  /** The token with id {@code id}, or null: {@link #idToToken} without an {@code Optional}. */
  public String tokenOrNull(int id) {
    if (id >= 0 && id < idToToken.length) {
      return idToToken[id];
    }
    return sparseIdToToken.get(id);
  }

  /**
   * Whether this is a byte-level vocabulary: every byte's ByteLevel alphabet character is a token
   * and there is no subword prefix or suffix, so that {@link #tokenizeBytes} can merge any bytes.
   * The first call builds the tables {@link #tokenizeBytes} reads (tens of milliseconds for a
   * 200k-token vocabulary) and, unless {@code ignore_merges} is set, starts a task on the common
   * {@link ForkJoinPool} that merges every token once to learn which ones merge to themselves.
   */
  public boolean isByteLevel() {
    return byteWords() != null;
  }

  /**
   * Whether {@link #tokenizeBytes} can run now without first building its tables: the first call
   * starts building them on the common {@link ForkJoinPool} and answers false until they are
   * built, so that a caller with another way to the same tokens (the general {@link #tokenize})
   * never waits for them: in a fresh JVM they take a few hundred milliseconds, far more than a
   * first short text.
   */
  public boolean isByteLevelReady() {
    Object view = byteView;
    if (view == null) {
      if (!byteViewStarted.getAndSet(true)) {
        ForkJoinPool.commonPool().execute(this::buildByteWords);
      }
      return false;
    }
    return view != NOT_BYTE_LEVEL;
  }

  private ByteWords byteWords() {
    Object view = byteView;
    if (view == null) {
      view = buildByteWords();
    }
    return view == NOT_BYTE_LEVEL ? null : (ByteWords) view;
  }

  /** Builds the byte view once, however many threads ask for it first (a batch's do at once). */
  private Object buildByteWords() {
    synchronized (byteViewLock) {
      Object view = byteView;
      if (view != null) {
        return view;
      }
      ByteWords words =
          prefix.isEmpty() && suffix.isEmpty()
              ? ByteWords.of(index, merges, mergeCount, cacheCapacity)
              : null;
      view = words == null ? NOT_BYTE_LEVEL : words;
      byteView = view;
      if (words != null && !ignoreMerges && wholeWord.length > 0) {
        ForkJoinPool.commonPool().execute(() -> learnWholeWords(words));
      }
      return view;
    }
  }

  /**
   * {@link #tokenize} of a word given as its UTF-8 bytes (each 0..255), as the ByteLevel
   * pre-tokenizer would hand it over (one alphabet character per byte), without building that
   * text: for byte-level vocabularies ({@link #isByteLevel}). Writes {@code id, start, end}
   * triples to {@code out} from {@code at}, offsets being byte indices relative to {@code from};
   * returns the new end. {@code out} must have room for {@code 3 * (to - from)} more values.
   *
   * @throws IllegalStateException if this is not a byte-level vocabulary
   * @throws IllegalArgumentException if a value is outside 0..255
   * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code bytes}
   */
  public int tokenizeBytes(int[] bytes, int from, int to, int[] out, int at) {
    ByteWords words = byteWords();
    if (words == null) {
      throw new IllegalStateException("not a byte-level vocabulary: " + this);
    }
    Objects.checkFromToIndex(from, to, bytes.length);
    int len = to - from;
    if (len == 0) {
      return at;
    }
    int all = 0;
    for (int i = from; i < to; i++) {
      all |= bytes[i];
    }
    if ((all & ~0xFF) != 0) {
      throw new IllegalArgumentException(
          "bytes[" + from + ", " + to + ") holds a value outside 0..255; pass UTF-8 bytes as"
              + " unsigned values (b & 0xFF)");
    }
    boolean packed = len <= ByteWords.MAX_PACKED;
    long key = packed ? ByteWords.pack(bytes, from, to) : 0;
    int id;
    if (packed) {
      id = words.find(key);
    } else if (len <= ByteWords.MAX_PACKED_TWICE) {
      id = words.find(ByteWords.packHead(bytes, from), ByteWords.packTail(bytes, from, to));
    } else {
      char[] chars = byteLevelChars(bytes, from, to);
      id = index.find(TokenIndex.hash(0, chars, 0, len), chars, 0, len, 0, 0);
    }
    if (id >= 0) {
      if (ignoreMerges) {
        return put(out, at, id, len);
      }
      if (id < wholeWord.length) {
        byte known = wholeWord[id];
        if (known == WHOLE) {
          return put(out, at, id, len);
        }
        if (known == 0) {
          int[] merged = mergeBytes(words, bytes, from, to);
          wholeWord[id] = merged.length == 3 && merged[0] == id ? WHOLE : PIECES;
          return copy(merged, out, at);
        }
      }
    }
    int[] merged;
    if (packed) {
      merged = words.cached(key);
      if (merged == null) {
        merged = mergeBytes(words, bytes, from, to);
        words.cache(key, merged);
      }
    } else if (len < MAX_CACHED_LENGTH) {
      String word = new String(byteLevelChars(bytes, from, to));
      int hash = WordCache.hash(word.hashCode());
      merged = cache.get(word, 0, len, hash);
      if (merged == null) {
        merged = mergeBytes(words, bytes, from, to);
        cache.putIfAbsent(word, hash, merged);
      }
    } else {
      merged = mergeBytes(words, bytes, from, to);
    }
    return copy(merged, out, at);
  }

  /** The ByteLevel text of {@code bytes[from, to)}. */
  private static char[] byteLevelChars(int[] bytes, int from, int to) {
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      chars[i - from] = ByteLevelAlphabet.charOf(bytes[i]);
    }
    return chars;
  }

  private static int put(int[] out, int at, int id, int len) {
    out[at] = id;
    out[at + 1] = 0;
    out[at + 2] = len;
    return at + 3;
  }

  private static int copy(int[] merged, int[] out, int at) {
    System.arraycopy(merged, 0, out, at, merged.length);
    return at + merged.length;
  }

  /** Merges {@code bytes[from, to)} from one symbol per byte. */
  private int[] mergeBytes(ByteWords words, int[] bytes, int from, int to) {
    Work w = Work.ofThisThread();
    int n = to - from;
    w.reset(n);
    int[] byteIds = words.byteIds;
    for (int i = from; i < to; i++) {
      w.add(byteIds[bytes[i]], i - from, i - from + 1);
    }
    PairRanks ranks = words.ranks;
    int[] merged =
        ranks != null && n <= MAX_SCANNED_SYMBOLS
            ? triples(w, mergeBytesByScan(w, ranks, words.bytePairRanks, bytes, from))
            : mergeSymbols(w, false);
    Work.shrink(w);
    return merged;
  }

  @Override
  public int vocabSize() {
    return vocab.size();
  }

  /** Number of pieces in the per-piece cache; never more than its capacity (10,000 by default). */
  public int cacheSize() {
    return cache.size();
  }

  /**
   * Empties the per-piece caches, as the reference's {@code BPE::clear_cache}, and forgets which
   * tokens were found to merge to themselves, unless that is known for every token already (see
   * {@link #isByteLevel}: then it is a table of the vocabulary, not a memory of texts): the next
   * texts are merged as if never seen (benchmarks of unseen text use this). Safe while other
   * threads encode.
   */
  public void clearCache() {
    cache.clear();
    Object view = byteView;
    if (view instanceof ByteWords) {
      ((ByteWords) view).clearCache();
    }
    if (!wholeWordsKnown) {
      Arrays.fill(wholeWord, (byte) 0);
    }
  }

  /**
   * Finds out for every token whether merging its bytes gives the token itself, so that no word
   * met later needs a merge for that. Runs once, on a pool thread, after the byte view is built.
   */
  private void learnWholeWords(ByteWords words) {
    int[] bytes = new int[64];
    for (int id = 0; id < wholeWord.length; id++) {
      String token = idToToken[id];
      if (token == null || wholeWord[id] != 0) {
        continue;
      }
      int n = token.length();
      if (bytes.length < n) {
        bytes = new int[n];
      }
      int k = 0;
      while (k < n && (bytes[k] = ByteLevelAlphabet.byteOf(token.charAt(k))) >= 0) {
        k++;
      }
      // Only words the index gives this id for: a repeated token's other ids are never found.
      if (k == n
          && n <= MAX_CACHED_LENGTH
          && index.find(TokenIndex.hash(token, 0, n), token, 0, n) == id) {
        int[] merged = mergeBytes(words, bytes, 0, n);
        wholeWord[id] = merged.length == 3 && merged[0] == id ? WHOLE : PIECES;
      }
    }
    wholeWordsKnown = true;
  }

  /** Number of merges. */
  public int mergeCount() {
    return mergeCount;
  }

  public Optional<String> unkToken() {
    return Optional.ofNullable(unkToken);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the text needs the unknown token but {@code unk_token} is
   *     not in the vocabulary (the reference fails the same way)
   */
  @Override
  public void tokenize(String text, TokenSink sink) {
    int n = text.length();
    if (n == 0) {
      return;
    }
    if (ignoreMerges) {
      Integer id = vocab.get(text);
      if (id != null) {
        sink.token(id, text, 0, n);
        return;
      }
    }
    Work work = null;
    if (!cutsBeforeMetaspace) {
      Work.shrink(tokenizeWord(text, 0, n, sink, null));
      return;
    }
    int start = 0;
    char prev = text.charAt(0);
    for (int i = 1; i < n; i++) {
      char c = text.charAt(i);
      if (c == METASPACE && prev != METASPACE) {
        work = tokenizeWord(text, start, i, sink, work);
        start = i;
      }
      prev = c;
    }
    Work.shrink(tokenizeWord(text, start, n, sink, work));
  }

  /**
   * Merges the word {@code text[start, end)} (through the cache) and hands out its tokens; returns
   * the scratch space it used, for the next word of the same text (null if it needed none).
   */
  private Work tokenizeWord(String text, int start, int end, TokenSink sink, Work work) {
    int stringHash = TokenIndex.hash(text, start, end);
    // With ignore_merges, tokenize has already looked the whole piece up.
    int id = ignoreMerges ? -1 : index.find(stringHash, text, start, end);
    if (id >= 0 && id < wholeWord.length) {
      byte known = wholeWord[id];
      if (known == WHOLE) {
        sink.token(id, token(id), start, end);
        return work;
      }
      if (known == 0) {
        if (work == null) {
          work = Work.ofThisThread();
        }
        int[] merged = mergeWord(text, start, end, work, false);
        wholeWord[id] = merged.length == 3 && merged[0] == id ? WHOLE : PIECES;
        emit(merged, start, sink);
        return work;
      }
    }
    boolean cacheable = end - start < MAX_CACHED_LENGTH;
    int hash = WordCache.hash(stringHash);
    int[] merged = cacheable ? cache.get(text, start, end, hash) : null;
    if (merged == null) {
      if (work == null) {
        work = Work.ofThisThread();
      }
      merged = mergeWord(text, start, end, work, false);
      if (cacheable) {
        cache.putIfAbsent(text.substring(start, end), hash, merged);
      }
    }
    emit(merged, start, sink);
    return work;
  }

  /** Hands out {@code [id, start, end]} triples with offsets relative to {@code start}. */
  private void emit(int[] merged, int start, TokenSink sink) {
    for (int i = 0; i < merged.length; i += 3) {
      sink.token(merged[i], token(merged[i]), merged[i + 1] + start, merged[i + 2] + start);
    }
  }

  /**
   * Whether merging a piece equals merging its parts cut before every {@code ▁} that follows
   * another character, as holds for SentencePiece vocabularies (Llama 2, Mistral): no token holds
   * a character followed by {@code ▁}, so no merge ever joins symbols across such a cut, and
   * {@code ▁} is a token itself, so no unknown or byte symbols fuse across it. Then a whole text
   * (which these models do not pre-tokenize) becomes short words that the cache serves.
   */
  private static boolean cutsBeforeMetaspace(
      Map<String, Integer> vocab, String[] tokens, String prefix, String suffix, boolean ignoreMerges) {
    if (!prefix.isEmpty() || !suffix.isEmpty() || ignoreMerges
        || !vocab.containsKey(String.valueOf(METASPACE))) {
      return false;
    }
    for (String token : tokens) {
      int at = token.indexOf(METASPACE, 1);
      while (at > 0) {
        if (token.charAt(at - 1) != METASPACE) {
          return false;
        }
        at = token.indexOf(METASPACE, at + 1);
      }
    }
    return true;
  }

  private int charId(String text, int cp, int start, int end, boolean first, boolean last) {
    boolean plain = (first || prefix.isEmpty()) && (!last || suffix.isEmpty());
    if (plain) {
      if (cp <= Character.MAX_VALUE) {
        return bmpIds[cp];
      }
      Integer id = astralIds.get(cp);
      return id == null ? -1 : id;
    }
    Integer id = vocab.get(symbolText(text, start, end, first, last));
    return id == null ? -1 : id;
  }

  private String symbolText(String text, int start, int end, boolean first, boolean last) {
    return (first ? "" : prefix) + text.substring(start, end) + (last ? suffix : "");
  }

  /**
   * Writes the UTF-8 bytes (0..255) of the symbol for character {@code cp} at {@code [start,
   * end)} to {@code out}, which has room for 4 bytes plus 3 per UTF-16 unit of the prefix and
   * suffix; returns how many. A plain character is encoded directly, without a string.
   */
  private int utf8(String text, int cp, int start, int end, boolean first, boolean last, int[] out) {
    if ((first || prefix.isEmpty()) && (!last || suffix.isEmpty())) {
      return Utf8.encode(cp, out, 0);
    }
    byte[] b = symbolText(text, start, end, first, last).getBytes(StandardCharsets.UTF_8);
    for (int k = 0; k < b.length; k++) {
      out[k] = b[k] & 0xFF;
    }
    return b.length;
  }

  /**
   * The merge of {@code word} as {@code [id, start, end]} triples, by the heap ({@code heap}) or
   * by the scan that short words use; for the property test that the two agree.
   */
  int[] mergeWordForTest(String word, boolean heap) {
    return mergeWord(word, 0, word.length(), new Work(), heap);
  }

  /**
   * Merges the word {@code text[from, to)}; returns {@code [id, start, end]} triples with offsets
   * relative to {@code from}. {@code heap} forces the general merge loop (for tests).
   */
  private int[] mergeWord(String text, int from, int to, Work w, boolean heap) {
    w.reset(to - from);
    boolean unkPending = false;
    int unkStart = 0;
    int unkEnd = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      int end = i + Character.charCount(cp);
      boolean first = i == from;
      boolean last = end == to;
      int id = charId(text, cp, i, end, first, last);
      if (id >= 0) {
        if (unkPending) {
          w.add(unkId, unkStart - from, unkEnd - from);
          unkPending = false;
        }
        w.add(id, i - from, end - from);
        i = end;
        continue;
      }
      if (byteFallback) {
        int[] bytes = w.bytes(4 + 3 * (prefix.length() + suffix.length()));
        int count = utf8(text, cp, i, end, first, last, bytes);
        boolean all = true;
        for (int b = 0; b < count; b++) {
          if (byteIds[bytes[b]] < 0) {
            all = false;
            break;
          }
        }
        if (all) {
          // Each byte token spans the whole character it is part of.
          for (int b = 0; b < count; b++) {
            w.add(byteIds[bytes[b]], i - from, end - from);
          }
          i = end;
          continue;
        }
      }
      if (unkToken != null) {
        if (unkId < 0) {
          throw new IllegalStateException(
              "unk_token '" + unkToken + "' is not in the vocabulary, cannot encode '"
                  + text.substring(i, end) + "'");
        }
        if (unkPending && fuseUnk) {
          unkEnd = end;
        } else {
          if (unkPending) {
            w.add(unkId, unkStart - from, unkEnd - from);
          }
          unkPending = true;
          unkStart = i;
          unkEnd = end;
        }
      }
      i = end;
    }
    if (unkPending) {
      w.add(unkId, unkStart - from, unkEnd - from);
    }
    return mergeSymbols(w, heap);
  }

  /** Merges the symbols in {@code w}; returns {@code [id, start, end]} triples. */
  private int[] mergeSymbols(Work w, boolean heap) {
    return triples(w, !heap && w.n <= MAX_SCANNED_SYMBOLS ? mergeByScan(w, false) : mergeAll(w));
  }

  /** The first {@code n} symbols of {@code w} as {@code [id, start, end]} triples. */
  private static int[] triples(Work w, int n) {
    int[] out = new int[3 * n];
    for (int k = 0; k < n; k++) {
      out[3 * k] = w.ids[k];
      out[3 * k + 1] = w.starts[k];
      out[3 * k + 2] = w.ends[k];
    }
    return out;
  }

  /**
   * Applies merges in place for short words: repeatedly merges the adjacent pair of lowest rank,
   * the leftmost one on ties, keeping one merge entry per pair. This is the order in which the
   * reference's queue ({@link #mergeAll}) applies them, found without the queue and its stale
   * entries, at the price of a scan per merge; returns the new count.
   */
  private int mergeByScan(Work w, boolean pairsKnown) {
    int n = w.n;
    int[] ids = w.ids;
    long[] pair = w.pair;
    if (!pairsKnown) {
      for (int i = 0; i + 1 < n; i++) {
        pair[i] = mergeOf(ids[i], ids[i + 1]);
      }
    }
    while (n > 1) {
      int best = -1;
      long bestMerge = NO_PAIR;
      for (int i = 0; i + 1 < n; i++) {
        // rank << 32 | id: the lowest value has the lowest rank; strict < keeps the leftmost.
        if (pair[i] < bestMerge) {
          bestMerge = pair[i];
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      joinNext(w, best, (int) bestMerge, n);
      System.arraycopy(pair, best + 2, pair, best + 1, n - best - 2);
      n--;
      if (best + 1 < n) {
        pair[best] = mergeOf(ids[best], ids[best + 1]);
      }
      if (best > 0) {
        pair[best - 1] = mergeOf(ids[best - 1], ids[best]);
      }
    }
    return n;
  }

  /**
   * {@link #mergeByScan} for a word of {@code w.n} bytes ({@code bytes} from {@code from}), by
   * rank in the packed table, the first ranks from the table of byte pairs.
   */
  private static int mergeBytesByScan(
      Work w, PairRanks ranks, int[] bytePairRanks, int[] bytes, int from) {
    int n = w.n;
    int[] ids = w.ids;
    int[] rank = w.ranks();
    for (int i = 0; i + 1 < n; i++) {
      rank[i] = bytePairRanks[bytes[from + i] << 8 | bytes[from + i + 1]];
    }
    while (n > 1) {
      int best = -1;
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < n; i++) {
        // Strict < keeps the leftmost of equal ranks, as the reference does.
        if (rank[i] < bestRank) {
          bestRank = rank[i];
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      joinNext(w, best, ranks.mergedId(bestRank), n);
      System.arraycopy(rank, best + 2, rank, best + 1, n - best - 2);
      n--;
      if (best + 1 < n) {
        rank[best] = ranks.rank(ids[best], ids[best + 1]);
      }
      if (best > 0) {
        rank[best - 1] = ranks.rank(ids[best - 1], ids[best]);
      }
    }
    return n;
  }

  /**
   * Makes symbol {@code at} of the first {@code n} the token {@code id} spanning it and the next
   * one, which goes.
   */
  private static void joinNext(Work w, int at, int id, int n) {
    w.ids[at] = id;
    w.ends[at] = w.ends[at + 1];
    int tail = n - at - 2;
    System.arraycopy(w.ids, at + 2, w.ids, at + 1, tail);
    System.arraycopy(w.starts, at + 2, w.starts, at + 1, tail);
    System.arraycopy(w.ends, at + 2, w.ends, at + 1, tail);
  }

  /** {@code rank << 32 | newId} of the merge of the pair, or {@link #NO_PAIR}. */
  private long mergeOf(int left, int right) {
    long m = merges.get(LongLongMap.pack(left, right), NO_MERGE);
    return m == NO_MERGE ? NO_PAIR : m;
  }

  /** Applies merges in place as the reference's {@code Word::merge_all}; returns the new count. */
  private int mergeAll(Work w) {
    int n = w.n;
    if (n < 2) {
      return n;
    }
    int[] ids = w.ids;
    int[] starts = w.starts;
    int[] ends = w.ends;
    int[] prev = new int[n];
    int[] next = new int[n];
    boolean[] removed = new boolean[n];
    MergeQueue queue = w.queue();
    for (int i = 0; i < n; i++) {
      prev[i] = i - 1;
      next[i] = i + 1 < n ? i + 1 : -1;
    }
    for (int i = 0; i + 1 < n; i++) {
      long m = merges.get(LongLongMap.pack(ids[i], ids[i + 1]), NO_MERGE);
      if (m != NO_MERGE) {
        queue.push((int) (m >>> 32), i, (int) m);
      }
    }
    while (!queue.isEmpty()) {
      int pos = queue.topPos();
      int newId = queue.topNewId();
      queue.pop();
      if (removed[pos] || next[pos] < 0) {
        continue;
      }
      int right = next[pos];
      long current = merges.get(LongLongMap.pack(ids[pos], ids[right]), NO_MERGE);
      // A stale entry: the pair at pos changed since it was queued.
      if (current == NO_MERGE || (int) current != newId) {
        continue;
      }
      ids[pos] = newId;
      ends[pos] = ends[right];
      removed[right] = true;
      next[pos] = next[right];
      if (next[right] >= 0) {
        prev[next[right]] = pos;
      }
      if (prev[pos] >= 0) {
        int p = prev[pos];
        long m = merges.get(LongLongMap.pack(ids[p], ids[pos]), NO_MERGE);
        if (m != NO_MERGE) {
          queue.push((int) (m >>> 32), p, (int) m);
        }
      }
      if (next[pos] >= 0) {
        long m = merges.get(LongLongMap.pack(ids[pos], ids[next[pos]]), NO_MERGE);
        if (m != NO_MERGE) {
          queue.push((int) (m >>> 32), pos, (int) m);
        }
      }
    }
    int w2 = 0;
    for (int i = 0; i < n; i++) {
      if (!removed[i]) {
        ids[w2] = ids[i];
        starts[w2] = starts[i];
        ends[w2] = ends[i];
        w2++;
      }
    }
    return w2;
  }

  /**
   * Scratch arrays for merging words, so that merging allocates nothing but its result. One per
   * thread ({@link #ofThisThread}) or per test call: never shared between threads.
   */
  private static final class Work {
    /** Kept per thread up to this many symbols, so a huge word leaves no huge arrays behind. */
    private static final int MAX_KEPT = 4096;

    private static final ThreadLocal<Work> OF_THREAD = ThreadLocal.withInitial(Work::new);

    /**
     * This thread's scratch space: {@link #tokenize} never runs inside itself on one thread, so
     * one per thread serves every call without allocating.
     */
    static Work ofThisThread() {
      return OF_THREAD.get();
    }

    /** Lets this thread's scratch space go if a huge word grew it (w may be null). */
    static void shrink(Work w) {
      if (w != null && w.ids.length > MAX_KEPT) {
        OF_THREAD.remove();
      }
    }

    int[] ids = new int[32];
    int[] starts = new int[32];
    int[] ends = new int[32];
    long[] pair = new long[32];
    int n;
    private int[] bytes;
    private int[] ranks;
    private MergeQueue queue;

    /** Empties the symbols, with room for a word of {@code units} UTF-16 units. */
    void reset(int units) {
      n = 0;
      // A unit makes at most 4 symbols (byte fallback: 4 bytes for 2 units, 3 for one).
      int need = 3 * units + 8;
      if (ids.length < need) {
        ids = new int[need];
        starts = new int[need];
        ends = new int[need];
        pair = new long[need];
      }
    }

    void add(int id, int start, int end) {
      if (n == ids.length) {
        int cap = 2 * n;
        ids = Arrays.copyOf(ids, cap);
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        pair = new long[cap];
      }
      ids[n] = id;
      starts[n] = start;
      ends[n++] = end;
    }

    int[] bytes(int size) {
      if (bytes == null || bytes.length < size) {
        bytes = new int[size];
      }
      return bytes;
    }

    /** Room for a rank per symbol. */
    int[] ranks() {
      if (ranks == null || ranks.length < ids.length) {
        ranks = new int[ids.length];
      }
      return ranks;
    }

    MergeQueue queue() {
      if (queue == null) {
        queue = new MergeQueue();
      } else {
        queue.clear();
      }
      return queue;
    }
  }

  @Override
  public String toString() {
    return "BPE{vocab=" + vocab.size() + ", merges=" + mergeCount + ", unk=" + unkToken
        + ", byteFallback=" + byteFallback + ", fuseUnk=" + fuseUnk + "}";
  }

  /** A merge names a token missing from the vocabulary. */
  public static final class InvalidMergeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int mergeIndex;

    InvalidMergeException(int mergeIndex, String message) {
      super("merge " + mergeIndex + ": " + message);
      this.mergeIndex = mergeIndex;
    }

    /** 0-based index of the offending merge (its rank). */
    public int mergeIndex() {
      return mergeIndex;
    }
  }

  /** Builds a {@link Bpe}. Not thread-safe. */
  public static final class Builder {
    private Map<String, Integer> vocab = Map.of();
    private String[] tokens;
    private int[] ids;
    private List<String[]> merges = List.of();
    private int[] mergeIds;
    private boolean mergedIdsFromText;
    private String unkToken;
    private String continuingSubwordPrefix;
    private String endOfWordSuffix;
    private boolean fuseUnk;
    private boolean byteFallback;
    private boolean ignoreMerges;
    private int cacheCapacity = 10_000;
    private TokenIndex index;

    private Builder() {}

    /**
     * The index {@link BpeFactory} built over this vocabulary to resolve merges, kept by the model
     * to find whole words (else the model builds one). Must index the same vocabulary.
     */
    Builder tokenIndex(TokenIndex index) {
      this.index = index;
      return this;
    }

    public Builder vocab(Map<String, Integer> vocab) {
      this.vocab = Objects.requireNonNull(vocab, "vocab");
      this.tokens = null;
      this.ids = null;
      this.index = null;
      return this;
    }

    /**
     * The vocabulary as parallel arrays, {@code tokens[i]} with id {@code ids[i]} for {@code i <
     * count}; a repeated token keeps its last id. For readers that have the tokens in arrays
     * already (no map to build and copy); replaces {@link #vocab(Map)}.
     */
    public Builder vocab(String[] tokens, int[] ids, int count) {
      if (count < 0 || count > tokens.length || count > ids.length) {
        throw new IllegalArgumentException("count " + count + " outside the arrays");
      }
      this.tokens = Arrays.copyOf(tokens, count);
      this.ids = Arrays.copyOf(ids, count);
      for (int i = 0; i < count; i++) {
        if (this.tokens[i] == null) {
          // Not requireNonNull with a message: that would build the message for every token.
          throw new NullPointerException("tokens[" + i + "]");
        }
      }
      this.vocab = null;
      this.index = null;
      return this;
    }

    /** A new map of the vocabulary, which the model then owns. */
    private HashMap<String, Integer> vocabMap() {
      if (tokens == null) {
        return new HashMap<>(vocab);
      }
      // Sized as a copy of a map of this many entries would be.
      HashMap<String, Integer> map = new HashMap<>(Math.max((int) (tokens.length / .75f) + 1, 16));
      for (int i = 0; i < tokens.length; i++) {
        map.put(tokens[i], ids[i]);
      }
      return map;
    }

    /** Merges in rank order, each a pair {@code [left, right]}. */
    public Builder merges(List<String[]> merges) {
      List<String[]> copy = new ArrayList<>(merges.size());
      for (String[] m : merges) {
        if (m.length != 2 || m[0] == null || m[1] == null) {
          throw new IllegalArgumentException("a merge must be a pair of tokens");
        }
        copy.add(m.clone());
      }
      this.merges = copy;
      this.mergeIds = null;
      this.mergedIdsFromText = false;
      return this;
    }

    /**
     * Merges in rank order already looked up in the vocabulary, three ids per merge: the left
     * token, the right token, and the token they merge into (left followed by right without the
     * {@code continuing_subword_prefix}'s length). For readers that resolve merges from their own
     * text; replaces {@link #merges}. {@link #build} checks each triple.
     */
    public Builder mergeIds(int[] triples) {
      if (triples.length % 3 != 0) {
        throw new IllegalArgumentException("merge ids must come in triples");
      }
      this.mergeIds = triples.clone();
      this.merges = List.of();
      this.mergedIdsFromText = false;
      return this;
    }

    /**
     * {@link #mergeIds}, from a reader that found each merged id by looking up the text of the
     * left token followed by the right one (without the prefix's length) in this vocabulary, as a
     * token-to-id map would: {@link #build} then checks only that the ids are in the
     * vocabulary, not again that the merged token's text is left + right (string comparisons
     * that cost tens of milliseconds in a fresh JVM). For {@link BpeFactory} only, not public:
     * other callers go through the checked {@link #mergeIds}.
     */
    Builder mergeIdsLookedUpFromText(int[] triples) {
      if (triples.length % 3 != 0) {
        throw new IllegalArgumentException("merge ids must come in triples");
      }
      // The reader's own array, handed over: no copy.
      this.mergeIds = triples;
      this.merges = List.of();
      this.mergedIdsFromText = true;
      return this;
    }

    /** The unknown token, or null for none (unknown characters are then dropped). */
    public Builder unkToken(String unkToken) {
      this.unkToken = unkToken;
      return this;
    }

    public Builder continuingSubwordPrefix(String prefix) {
      this.continuingSubwordPrefix = prefix;
      return this;
    }

    public Builder endOfWordSuffix(String suffix) {
      this.endOfWordSuffix = suffix;
      return this;
    }

    public Builder fuseUnk(boolean fuseUnk) {
      this.fuseUnk = fuseUnk;
      return this;
    }

    public Builder byteFallback(boolean byteFallback) {
      this.byteFallback = byteFallback;
      return this;
    }

    public Builder ignoreMerges(boolean ignoreMerges) {
      this.ignoreMerges = ignoreMerges;
      return this;
    }

    /** Maximum number of cached pieces; 0 disables the cache. */
    public Builder cacheCapacity(int cacheCapacity) {
      if (cacheCapacity < 0) {
        throw new IllegalArgumentException("cacheCapacity < 0");
      }
      this.cacheCapacity = cacheCapacity;
      return this;
    }

    /**
     * @throws InvalidMergeException if a merge names a token (or makes one) not in the vocabulary
     */
    public Bpe build() {
      return new Bpe(this);
    }
  }
}
