package ai.boinc.transformers.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of encoding one text (or one pair of texts): the token ids and, aligned with them,
 * tokens, type ids, masks, word and sequence indices and offsets.
 *
 * <p>Offsets are UTF-16 indices into the Java {@code String} that was encoded — the first text
 * for tokens of sequence 0, the pair for tokens of sequence 1 — so {@code
 * text.substring(startOffset(i), endOffset(i))} is the source of token {@code i}. Tokens added by
 * a post-processor ({@code <s>}, {@code [CLS]}) and padding have offsets {@code [0, 0]}, no word
 * and no sequence.
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class Encoding {
  /** Word or sequence index of a token that belongs to none (special tokens, padding). */
  public static final int NONE = -1;

  private final int[] ids;
  private final String[] tokens;
  private final int[] typeIds;
  private final int[] attentionMask;
  private final int[] specialTokensMask;
  private final int[] wordIds;
  private final int[] sequenceIds;
  private final int[] offsets;
  private final List<Encoding> overflowing;

  private Encoding(Builder b) {
    this.ids = b.ids;
    this.tokens = b.tokens;
    this.typeIds = b.typeIds;
    this.attentionMask = b.attentionMask;
    this.specialTokensMask = b.specialTokensMask;
    this.wordIds = b.wordIds;
    this.sequenceIds = b.sequenceIds;
    this.offsets = b.offsets;
    this.overflowing = Collections.unmodifiableList(new ArrayList<>(b.overflowing));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Number of tokens, padding included. */
  public int size() {
    return ids.length;
  }

  public int[] ids() {
    return ids.clone();
  }

  public int id(int index) {
    return ids[index];
  }

  /** Tokens as the vocabulary spells them, e.g. {@code ▁world}, {@code Ġworld}, {@code ##ing}. */
  public List<String> tokens() {
    return Collections.unmodifiableList(Arrays.asList(tokens));
  }

  public String token(int index) {
    return tokens[index];
  }

  /** Segment ids from the post-processor: 0 for the first sequence, usually 1 for the pair. */
  public int[] typeIds() {
    return typeIds.clone();
  }

  /** 1 for real tokens, 0 for padding. */
  public int[] attentionMask() {
    return attentionMask.clone();
  }

  /** 1 for tokens added by the post-processor and for padding, else 0. */
  public int[] specialTokensMask() {
    return specialTokensMask.clone();
  }

  /** Index of the word each token comes from within its sequence, or {@link #NONE}. */
  public int[] wordIds() {
    return wordIds.clone();
  }

  /** 0 or 1 for tokens of the first text or the pair, {@link #NONE} for added tokens. */
  public int[] sequenceIds() {
    return sequenceIds.clone();
  }

  /** {@code [start, end)} per token, UTF-16 indices into the encoded text. */
  public int[][] offsets() {
    int[][] out = new int[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      out[i] = new int[] {offsets[2 * i], offsets[2 * i + 1]};
    }
    return out;
  }

  public int startOffset(int index) {
    Objects.checkIndex(index, ids.length);
    return offsets[2 * index];
  }

  public int endOffset(int index) {
    Objects.checkIndex(index, ids.length);
    return offsets[2 * index + 1];
  }

  /** The parts cut off by truncation, each a complete encoding of its own. */
  public List<Encoding> overflowing() {
    return overflowing;
  }

  // ---- Lookups between characters, tokens, words and sequences, as the reference's Encoding.
  //
  // A sequence's tokens are those whose sequenceIds() entry is that sequence; they are contiguous.
  // Difference from the reference: asked about a sequence this encoding has no token of, the
  // reference searches the whole encoding (its fallback range), here the answer is empty.

  /** The token whose span covers UTF-16 index {@code charIndex} of the first text. */
  public OptionalInt charToToken(int charIndex) {
    return charToToken(charIndex, 0);
  }

  /**
   * The first token of sequence {@code sequence} whose span {@code [start, end)} covers UTF-16
   * index {@code charIndex} of that sequence's text; empty for an index inside no token (e.g.
   * removed whitespace) or out of range.
   */
  public OptionalInt charToToken(int charIndex, int sequence) {
    int[] range = sequenceRange(sequence);
    for (int i = range[0]; i < range[1]; i++) {
      if (offsets[2 * i] <= charIndex && charIndex < offsets[2 * i + 1]) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The word of the first text that covers UTF-16 index {@code charIndex}. */
  public OptionalInt charToWord(int charIndex) {
    return charToWord(charIndex, 0);
  }

  /** The word (index within its sequence) of the token that covers {@code charIndex}. */
  public OptionalInt charToWord(int charIndex, int sequence) {
    OptionalInt token = charToToken(charIndex, sequence);
    return token.isPresent() ? tokenToWord(token.getAsInt()) : OptionalInt.empty();
  }

  /**
   * The sequence (0 for the first text, 1 for the pair) token {@code token} comes from; empty
   * for tokens added by the post-processor, padding, and indices out of range.
   */
  public OptionalInt tokenToSequence(int token) {
    if (token < 0 || token >= ids.length || sequenceIds[token] == NONE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(sequenceIds[token]);
  }

  /**
   * The span {@code [start, end]} of token {@code token} in the text of its sequence (see {@link
   * #tokenToSequence}); empty for tokens that belong to no sequence.
   */
  public Optional<int[]> tokenToChars(int token) {
    if (tokenToSequence(token).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {offsets[2 * token], offsets[2 * token + 1]});
  }

  /** The word, within its sequence, that token {@code token} is part of. */
  public OptionalInt tokenToWord(int token) {
    if (tokenToSequence(token).isEmpty() || wordIds[token] == NONE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(wordIds[token]);
  }

  /** The tokens {@code [first, last + 1)} of word {@code word} of the first text. */
  public Optional<int[]> wordToTokens(int word) {
    return wordToTokens(word, 0);
  }

  /**
   * The tokens {@code [first, last + 1)} that word {@code word} of sequence {@code sequence}
   * spans. Like the reference, the search walks the sequence's tokens in order and stops at the
   * first token of a later word.
   */
  public Optional<int[]> wordToTokens(int word, int sequence) {
    int[] range = sequenceRange(sequence);
    int first = -1;
    int last = -1;
    for (int i = range[0]; i < range[1]; i++) {
      int w = wordIds[i];
      if (w != NONE && w > word) {
        break;
      }
      if (w == word) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return first < 0 ? Optional.empty() : Optional.of(new int[] {first, last + 1});
  }

  /** The span {@code [start, end]} of word {@code word} of sequence {@code sequence}. */
  public Optional<int[]> wordToChars(int word, int sequence) {
    Optional<int[]> tokens = wordToTokens(word, sequence);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    int[] t = tokens.get();
    return Optional.of(new int[] {offsets[2 * t[0]], offsets[2 * (t[1] - 1) + 1]});
  }

  /** {@code [first, last + 1)} of the tokens of {@code sequence}; {@code [0, 0)} if none. */
  private int[] sequenceRange(int sequence) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < sequenceIds.length; i++) {
      if (sequenceIds[i] == sequence) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return first < 0 ? new int[] {0, 0} : new int[] {first, last + 1};
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Encoding)) {
      return false;
    }
    Encoding that = (Encoding) other;
    return Arrays.equals(ids, that.ids)
        && Arrays.equals(tokens, that.tokens)
        && Arrays.equals(typeIds, that.typeIds)
        && Arrays.equals(attentionMask, that.attentionMask)
        && Arrays.equals(specialTokensMask, that.specialTokensMask)
        && Arrays.equals(wordIds, that.wordIds)
        && Arrays.equals(sequenceIds, that.sequenceIds)
        && Arrays.equals(offsets, that.offsets)
        && overflowing.equals(that.overflowing);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return "Encoding{ids=" + Arrays.toString(ids) + ", tokens=" + Arrays.toString(tokens) + "}";
  }

  /**
   * Assembles an {@link Encoding} from parallel arrays; used by tokenizer engines. The arrays are
   * taken as they are (not copied): hand over fresh ones. Not thread-safe.
   */
  public static final class Builder {
    private int[] ids = new int[0];
    private String[] tokens = new String[0];
    private int[] typeIds;
    private int[] attentionMask;
    private int[] specialTokensMask;
    private int[] wordIds;
    private int[] sequenceIds;
    private int[] offsets;
    private List<Encoding> overflowing = List.of();

    private Builder() {}

    public Builder ids(int[] ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    public Builder tokens(String[] tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    public Builder typeIds(int[] typeIds) {
      this.typeIds = Objects.requireNonNull(typeIds, "typeIds");
      return this;
    }

    public Builder attentionMask(int[] attentionMask) {
      this.attentionMask = Objects.requireNonNull(attentionMask, "attentionMask");
      return this;
    }

    public Builder specialTokensMask(int[] specialTokensMask) {
      this.specialTokensMask = Objects.requireNonNull(specialTokensMask, "specialTokensMask");
      return this;
    }

    public Builder wordIds(int[] wordIds) {
      this.wordIds = Objects.requireNonNull(wordIds, "wordIds");
      return this;
    }

    public Builder sequenceIds(int[] sequenceIds) {
      this.sequenceIds = Objects.requireNonNull(sequenceIds, "sequenceIds");
      return this;
    }

    /** Offsets as {@code [start0, end0, start1, end1, ...]}, two entries per token. */
    public Builder offsets(int[] offsets) {
      this.offsets = Objects.requireNonNull(offsets, "offsets");
      return this;
    }

    public Builder overflowing(List<Encoding> overflowing) {
      this.overflowing = List.copyOf(overflowing);
      return this;
    }

    /**
     * @throws IllegalStateException if the arrays do not all describe the same number of tokens
     */
    public Encoding build() {
      int n = ids.length;
      if (typeIds == null) typeIds = new int[n];
      if (attentionMask == null) {
        attentionMask = new int[n];
        Arrays.fill(attentionMask, 1);
      }
      if (specialTokensMask == null) specialTokensMask = new int[n];
      if (wordIds == null) {
        wordIds = new int[n];
        Arrays.fill(wordIds, NONE);
      }
      if (sequenceIds == null) {
        sequenceIds = new int[n];
        Arrays.fill(sequenceIds, NONE);
      }
      if (offsets == null) offsets = new int[2 * n];
      check("tokens", tokens.length, n);
      check("typeIds", typeIds.length, n);
      check("attentionMask", attentionMask.length, n);
      check("specialTokensMask", specialTokensMask.length, n);
      check("wordIds", wordIds.length, n);
      check("sequenceIds", sequenceIds.length, n);
      check("offsets", offsets.length, 2 * n);
      return new Encoding(this);
    }

    private static void check(String name, int actual, int expected) {
      if (actual != expected) {
        throw new IllegalStateException(name + " has " + actual + " entries, expected " + expected);
      }
    }
  }
}
