package ai.boinc.transformers.tokenizers.internal.pipeline;

import static ai.boinc.transformers.tokenizers.internal.text.BertNormalization.COMPLEX;
import static ai.boinc.transformers.tokenizers.internal.text.BertNormalization.DROP;
import static ai.boinc.transformers.tokenizers.internal.text.BertNormalization.MAX_EXPANSION;

import ai.boinc.transformers.tokenizers.internal.text.BertChars;
import ai.boinc.transformers.tokenizers.internal.text.BertNormalization;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.models.WordPiece;
import ai.boinc.transformers.tokenizers.normalizers.BertNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BERT's pipeline ({@code BertNormalizer}, {@code BertPreTokenizer}, {@code WordPiece}) as one
 * pass over the text's characters: each character is normalized (one table read for most, {@link
 * BertNormalization#expand} for the rest), classified as the pre-tokenizer would classify it, and
 * added to the current word; each word goes to WordPiece as it ends. It gives what the general path
 * gives, without a {@code NormalizedString}, slices or split objects: the normalizer rewrites one
 * character at a time and every character it makes takes the span of the character it came from,
 * which is all a token's offsets need (the spaces it inserts, whose spans differ, never reach a
 * token).
 *
 * <p>A word of characters that each become one character (most words) is normalized in place, in
 * a copy of the text, and its tokens' offsets are their indices there; a word with a dropped or
 * expanded character is copied to {@link WordTokens}' buffer with each unit's span. Text holding an
 * added token or a lone surrogate is left to the general path. Immutable and thread-safe.
 */
public final class BertFastPath {
  private final BertNormalization rules;
  /**
   * The normalizer's table, except that units an added token starts with are {@link
   * BertNormalization#COMPLEX}, so the loop's slow branch looks for the token.
   */
  private final char[] table;
  private final WordPiece model;
  /** The added tokens by their first unit (all are matched on the raw text). */
  private final Map<Character, List<String>> addedByFirstUnit;
  /** A bit per UTF-16 unit: whether an added token starts with it. */
  private final long[] addedFirstUnits = new long[1 << 10];

  private BertFastPath(BertNormalizer normalizer, WordPiece model, AddedVocabulary added) {
    this.rules =
        new BertNormalization(
            normalizer.cleanText(),
            normalizer.handleChineseChars(),
            normalizer.stripAccents(),
            normalizer.lowercase());
    this.table = rules.table().clone();
    this.addedByFirstUnit = new HashMap<>();
    for (String content : added.contents()) {
      char first = content.charAt(0);
      table[first] = COMPLEX;
      addedFirstUnits[first >>> 6] |= 1L << first;
      addedByFirstUnit.computeIfAbsent(content.charAt(0), c -> new ArrayList<>()).add(content);
    }
    this.model = model;
  }

  /** The fused path for exactly this pipeline shape, or null for any other. */
  public static BertFastPath of(
      Normalizer normalizer, PreTokenizer preTokenizer, Model model, AddedVocabulary added) {
    if (normalizer instanceof BertNormalizer
        && preTokenizer instanceof BertPreTokenizer
        && model instanceof WordPiece
        && added.matchesRawTextOnly()
        && startsWell(added.contents())) {
      return new BertFastPath((BertNormalizer) normalizer, (WordPiece) model, added);
    }
    return null;
  }

  /**
   * Whether no added token starts with a low surrogate, which the loop, stepping over surrogate
   * pairs, would not look at.
   */
  private static boolean startsWell(Set<String> contents) {
    for (String content : contents) {
      if (Character.isLowSurrogate(content.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The model's tokens of {@code text}, offsets indexing {@code text}; null if the text holds an
   * added token or a lone surrogate (the general path handles those).
   */
  public WordTokens tokenize(String text) {
    int n = text.length();
    char[] units = text.toCharArray();
    WordTokens out = new WordTokens(n / 4 + 8);
    int[] scratch = null;
    // Start of the current word while it is normalized in place in units, -1 otherwise, and the
    // hash WordPiece takes of that word.
    int wordStart = -1;
    int hash = 0;
    for (int i = 0; i < n; ) {
      char m = table[units[i]];
      if (m < DROP) {
        // A character that becomes one BMP character, never a surrogate.
        byte kind = BertChars.preTokenClass(m);
        units[i] = m;
        if (kind == BertChars.WORD) {
          if (out.buffering()) {
            out.addUnit(m, i, i + 1);
          } else if (wordStart < 0) {
            wordStart = i;
            hash = m;
          } else {
            hash = 31 * hash + m;
          }
        } else {
          wordStart = endWord(units, wordStart, i, hash, out);
          if (kind == BertChars.PUNCTUATION) {
            // Each punctuation character is a word of its own.
            model.tokenize(units, i, i + 1, m, out);
            out.endWord();
          }
        }
        i++;
      } else if (m == DROP) {
        if (wordStart >= 0) {
          out.startBuffer(units, wordStart, i);
          wordStart = -1;
        }
        i++;
      } else {
        if (addedTokenAt(text, i)) {
          return null;
        }
        int cp = Character.codePointAt(units, i, n);
        if (Character.isSurrogate(units[i]) && cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
          return null;
        }
        if (wordStart >= 0) {
          out.startBuffer(units, wordStart, i);
          wordStart = -1;
        }
        if (scratch == null) {
          scratch = new int[2 * MAX_EXPANSION];
        }
        // expand reads the units before i only to place an inserted space, which no token holds.
        int width = Character.charCount(cp);
        int k = rules.expand(units, i, cp, scratch);
        for (int e = 0; e < k; e++) {
          addBuffered(scratch[2 * e], i, i + width, units, out);
        }
        i += width;
      }
    }
    endWord(units, wordStart, n, hash, out);
    return out;
  }

  private boolean addedTokenAt(String text, int i) {
    char c = text.charAt(i);
    if ((addedFirstUnits[c >>> 6] & (1L << c)) == 0) {
      return false;
    }
    List<String> candidates = addedByFirstUnit.get(c);
    if (candidates != null) {
      for (int k = 0; k < candidates.size(); k++) {
        if (text.startsWith(candidates.get(k), i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Adds code point {@code cp}, made from original span {@code [start, end)}, to the buffer. */
  private void addBuffered(int cp, int start, int end, char[] units, WordTokens out) {
    byte kind =
        cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && !Character.isSurrogate((char) cp)
            ? BertChars.preTokenClass((char) cp)
            : BertChars.codePointPreTokenClass(cp);
    if (kind != BertChars.WORD) {
      endWord(units, -1, start, 0, out);
      if (kind == BertChars.SPACE) {
        return;
      }
    }
    if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      out.addUnit((char) cp, start, end);
    } else {
      out.addUnit(Character.highSurrogate(cp), start, end);
      out.addUnit(Character.lowSurrogate(cp), start, end);
    }
    if (kind == BertChars.PUNCTUATION) {
      endWord(units, -1, end, 0, out);
    }
  }

  /**
   * Tokenizes the current word, if any: {@code units[wordStart, end)} of hash {@code hash} when
   * {@code wordStart >= 0}, else the buffered one. Returns -1, the next {@code wordStart}.
   */
  private int endWord(char[] units, int wordStart, int end, int hash, WordTokens out) {
    if (wordStart >= 0) {
      model.tokenize(units, wordStart, end, hash, out);
      out.endWord();
    } else if (out.buffering()) {
      model.tokenize(out.word(), 0, out.wordLength(), out);
      out.endWord();
    }
    return -1;
  }
}
