package ai.boinc.transformers.tokenizers.models;

import ai.boinc.transformers.tokenizers.internal.Utf16Trie;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * JSON model type {@code WordPiece}: BERT's greedy longest-match-first subwords. From the start of
 * a word the longest vocabulary entry is taken, then the longest entry spelled with {@code
 * continuing_subword_prefix} ({@code ##}) from where it ended, and so on. If some position has no
 * match, or the word is longer than {@code max_input_chars_per_word} characters, the whole word
 * becomes the unknown token. {@code "unaffable"} gives {@code un ##aff ##able}.
 *
 * <p>Encoding a word that needs the unknown token fails with {@link IllegalStateException} if the
 * vocabulary lacks it (as the reference does). Immutable and thread-safe.
 */
public final class WordPiece implements Model {
  private final Vocabulary vocab;
  private final String unkToken;
  private final String prefix;
  private final int maxInputCharsPerWord;
  /** Every vocabulary entry, for the first piece of a word. */
  private final Utf16Trie starts;
  /** Entries that begin with the prefix, without it, for the following pieces. */
  private final Utf16Trie continuations;

  private WordPiece(Builder b) {
    this.vocab = new Vocabulary(b.vocab);
    this.unkToken = b.unkToken;
    this.prefix = b.prefix;
    this.maxInputCharsPerWord = b.maxInputCharsPerWord;
    int total = 0;
    for (String token : vocab.asMap().keySet()) {
      total += token.length();
    }
    Utf16Trie.Builder startBuilder = new Utf16Trie.Builder(total);
    Utf16Trie.Builder continuationBuilder = new Utf16Trie.Builder(total);
    for (Map.Entry<String, Integer> e : vocab.asMap().entrySet()) {
      String token = e.getKey();
      if (!isWellFormed(token)) {
        // The reference cannot hold such a token; it could only match half a character.
        continue;
      }
      startBuilder.add(token, e.getValue());
      if (token.startsWith(prefix) && token.length() > prefix.length()) {
        String rest = token.substring(prefix.length());
        if (isWellFormed(rest)) {
          continuationBuilder.add(rest, e.getValue());
        }
      }
    }
    this.starts = startBuilder.build();
    this.continuations = continuationBuilder.build();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public String unkToken() {
    return unkToken;
  }

  public String continuingSubwordPrefix() {
    return prefix;
  }

  public int maxInputCharsPerWord() {
    return maxInputCharsPerWord;
  }

  @Override
  public void tokenize(String text, TokenSink sink) {
    int n = text.length();
    if (n == 0) {
      return;
    }
    if (text.codePointCount(0, n) > maxInputCharsPerWord) {
      unknown(text, sink);
      return;
    }
    // Find every piece first: a word with one unmatched position is a single unknown token.
    int[] ends = new int[Math.min(n, 16)];
    int[] ids = new int[ends.length];
    int count = 0;
    int start = 0;
    while (start < n) {
      long match = start == 0 ? starts.longestMatch(text, 0, n) : continuations.longestMatch(text, start, n);
      if (match < 0) {
        unknown(text, sink);
        return;
      }
      int end = (int) (match >>> 32);
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, 2 * count);
        ids = Arrays.copyOf(ids, 2 * count);
      }
      ends[count] = end;
      ids[count] = (int) match;
      count++;
      start = end;
    }
    int from = 0;
    for (int i = 0; i < count; i++) {
      String piece = text.substring(from, ends[i]);
      sink.token(ids[i], i == 0 ? piece : prefix + piece, from, ends[i]);
      from = ends[i];
    }
  }

  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private void unknown(String text, TokenSink sink) {
    sink.token(vocab.unknownId("WordPiece", unkToken), unkToken, 0, text.length());
  }

  @Override
  public OptionalInt tokenToId(String token) {
    return vocab.tokenToId(token);
  }

  @Override
  public Optional<String> idToToken(int id) {
    return vocab.idToToken(id);
  }

  @Override
  public int vocabSize() {
    return vocab.size();
  }

  @Override
  public String toString() {
    return "WordPiece{vocab=" + vocab.size() + ", unkToken=" + unkToken + ", prefix=" + prefix
        + ", maxInputCharsPerWord=" + maxInputCharsPerWord + "}";
  }

  /** Builds a {@link WordPiece}; defaults are the reference's. Not thread-safe. */
  public static final class Builder {
    private Map<String, Integer> vocab = Map.of();
    private String unkToken = "[UNK]";
    private String prefix = "##";
    private int maxInputCharsPerWord = 100;

    private Builder() {}

    public Builder vocab(Map<String, Integer> vocab) {
      this.vocab = Objects.requireNonNull(vocab, "vocab");
      return this;
    }

    public Builder unkToken(String unkToken) {
      this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
      return this;
    }

    public Builder continuingSubwordPrefix(String prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Words longer than this many code points become the unknown token. */
    public Builder maxInputCharsPerWord(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxInputCharsPerWord must be >= 0: " + max);
      }
      this.maxInputCharsPerWord = max;
      return this;
    }

    /** @throws IllegalArgumentException if an id is negative */
    public WordPiece build() {
      return new WordPiece(this);
    }
  }
}
