package ai.boinc.transformers.tokenizers.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
  /** The unknown token's id, or -1 if the vocabulary lacks it (an error once it is needed). */
  private final int unkId;
  /** Every vocabulary entry, for the first piece of a word. */
  private final Trie starts;
  /** Entries that begin with the prefix, without it, for the following pieces. */
  private final Trie continuations;
  /**
   * The entries the tries point to: id and the vocabulary's own string, which is the token's
   * value (the matched text, with the prefix for a continuation), so no string is built.
   */
  private final int[] entryIds;
  private final String[] entryTokens;

  private WordPiece(Builder b) {
    this.vocab = new Vocabulary(b.vocab);
    this.unkToken = b.unkToken;
    this.prefix = b.prefix;
    this.maxInputCharsPerWord = b.maxInputCharsPerWord;
    Integer unk = vocab.get(unkToken);
    this.unkId = unk == null ? -1 : unk;
    int size = vocab.size();
    entryIds = new int[size];
    entryTokens = new String[size];
    List<Key> startKeys = new ArrayList<>(size);
    List<Key> continuationKeys = new ArrayList<>();
    int e = 0;
    for (Map.Entry<String, Integer> entry : vocab.asMap().entrySet()) {
      String token = entry.getKey();
      if (!isWellFormed(token) || token.isEmpty()) {
        // The reference cannot hold a lone surrogate; it could only match half a character.
        // The empty token matches nothing.
        continue;
      }
      entryIds[e] = entry.getValue();
      entryTokens[e] = token;
      startKeys.add(new Key(token, e));
      if (token.startsWith(prefix) && token.length() > prefix.length()) {
        String rest = token.substring(prefix.length());
        if (isWellFormed(rest)) {
          continuationKeys.add(new Key(rest, e));
        }
      }
      e++;
    }
    this.starts = new Trie(startKeys);
    this.continuations = new Trie(continuationKeys);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
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
    tokenize(text.toCharArray(), 0, text.length(), sink);
  }

  /**
   * Tokenizes {@code text[start, end)} as one word, as {@link #tokenize(String, TokenSink)} does
   * its substring, without building it; the offsets given to {@code sink} are indices into {@code
   * text}.
   *
   * @throws IndexOutOfBoundsException if {@code [start, end)} is not within {@code text}
   */
  public void tokenize(char[] text, int start, int end, TokenSink sink) {
    Objects.checkFromToIndex(start, end, text.length);
    int n = end - start;
    if (n <= 0) {
      return;
    }
    // A word has at most as many code points as units: count them only when that can matter.
    if (n > maxInputCharsPerWord
        && Character.codePointCount(text, start, n) > maxInputCharsPerWord) {
      unknown(start, end, sink);
      return;
    }
    long match = starts.longestMatch(text, start, end);
    if (match < 0) {
      unknown(start, end, sink);
      return;
    }
    int to = (int) (match >>> 32);
    if (to == end) {
      // Most words are one vocabulary entry.
      sink.token(entryIds[(int) match], entryTokens[(int) match], start, end);
      return;
    }
    // Find every piece first: a word with one unmatched position is a single unknown token.
    int[] ends = new int[Math.min(n, 16)];
    int[] entries = new int[ends.length];
    ends[0] = to;
    entries[0] = (int) match;
    int count = 1;
    while (to < end) {
      match = continuations.longestMatch(text, to, end);
      if (match < 0) {
        unknown(start, end, sink);
        return;
      }
      to = (int) (match >>> 32);
      if (count == ends.length) {
        ends = Arrays.copyOf(ends, 2 * count);
        entries = Arrays.copyOf(entries, 2 * count);
      }
      ends[count] = to;
      entries[count] = (int) match;
      count++;
    }
    int from = start;
    for (int i = 0; i < count; i++) {
      sink.token(entryIds[entries[i]], entryTokens[entries[i]], from, ends[i]);
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

  private void unknown(int start, int end, TokenSink sink) {
    if (unkId < 0) {
      vocab.unknownId("WordPiece", unkToken);
    }
    sink.token(unkId, unkToken, start, end);
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

  /** A trie key and the entry it stands for. */
  private static final class Key implements Comparable<Key> {
    final String text;
    final int entry;

    Key(String text, int entry) {
      this.text = text;
      this.entry = entry;
    }

    @Override
    public int compareTo(Key o) {
      return text.compareTo(o.text);
    }
  }

  /**
   * A read-only trie over UTF-16 units in breadth-first order: the children of node {@code x} are
   * the nodes {@code firstChild[x]} to {@code firstChild[x + 1] - 1}, sorted by {@code label}, so
   * a search touches a few small arrays instead of a large hash table. The root's children are
   * found through a table indexed by the unit.
   */
  private static final class Trie {
    private static final int NONE = -1;
    private final char[] label;
    private final int[] firstChild;
    private final int[] value;
    private final int[] rootChild;
    /**
     * The node after two ASCII units {@code a b} at {@code a * 128 + b}, or 0: the root's
     * children have the most children, and most words start with two ASCII letters.
     */
    private final int[] asciiPairs;
    private Trie(List<Key> keys) {
      Collections.sort(keys);
      int total = 1;
      for (Key k : keys) {
        total += k.text.length();
      }
      char[] labels = new char[total];
      int[] first = new int[total + 1];
      int[] values = new int[total];
      Arrays.fill(values, NONE);
      int[] lo = new int[total];
      int[] hi = new int[total];
      int[] depth = new int[total];
      hi[0] = keys.size();
      int nodes = 1;
      for (int x = 0; x < nodes; x++) {
        int from = lo[x];
        int to = hi[x];
        int d = depth[x];
        if (from < to && keys.get(from).text.length() == d) {
          values[x] = keys.get(from).entry;
          from++;
        }
        first[x] = nodes;
        while (from < to) {
          char c = keys.get(from).text.charAt(d);
          int next = from + 1;
          while (next < to && keys.get(next).text.charAt(d) == c) {
            next++;
          }
          labels[nodes] = c;
          lo[nodes] = from;
          hi[nodes] = next;
          depth[nodes] = d + 1;
          nodes++;
          from = next;
        }
      }
      first[nodes] = nodes;
      label = Arrays.copyOf(labels, nodes);
      firstChild = Arrays.copyOf(first, nodes + 1);
      value = Arrays.copyOf(values, nodes);
      rootChild = new int[0x10000];
      asciiPairs = new int[128 * 128];
      for (int y = firstChild[0]; y < firstChild[1]; y++) {
        rootChild[label[y]] = y;
        if (label[y] < 128) {
          for (int z = firstChild[y]; z < firstChild[y + 1]; z++) {
            if (label[z] < 128) {
              asciiPairs[label[y] * 128 + label[z]] = z;
            }
          }
        }
      }
    }

    /**
     * The longest key that starts at {@code start} and ends at or before {@code end}: {@code
     * (keyEnd << 32) | entry}, or -1 if none.
     */
    long longestMatch(char[] text, int start, int end) {
      char c0 = text[start];
      int node = rootChild[c0];
      if (node == 0) {
        return -1;
      }
      long best = value[node] == NONE ? -1 : ((long) (start + 1) << 32) | value[node];
      if (start + 1 == end) {
        return best;
      }
      char c1 = text[start + 1];
      node = (c0 | c1) < 128 ? asciiPairs[c0 * 128 + c1] : child(node, c1);
      int i = start + 2;
      while (node != 0) {
        if (value[node] != NONE) {
          best = ((long) i << 32) | value[node];
        }
        if (i == end) {
          break;
        }
        node = child(node, text[i]);
        i++;
      }
      return best;
    }

    /** The child of {@code node} labelled {@code c}, or 0 (the root is nobody's child). */
    private int child(int node, char c) {
      int lo = firstChild[node];
      int hi = firstChild[node + 1] - 1;
      if (hi - lo < 8) {
        for (int y = lo; y <= hi; y++) {
          if (label[y] == c) {
            return y;
          }
        }
        return 0;
      }
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        char m = label[mid];
        if (m < c) {
          lo = mid + 1;
        } else if (m > c) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return 0;
    }
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
