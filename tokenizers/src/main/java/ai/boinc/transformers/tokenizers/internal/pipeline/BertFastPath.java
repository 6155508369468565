package ai.boinc.transformers.tokenizers.internal.pipeline;

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
import java.util.concurrent.atomic.AtomicReferenceArray;

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
  /** In {@link #codes}, for a unit that becomes one BMP character: the class above the character. */
  private static final int WORD = BertChars.WORD << 16;
  private static final int SPACE = BertChars.SPACE << 16;
  private static final int PUNCTUATION = BertChars.PUNCTUATION << 16;
  /** In {@link #codes}: the unit is dropped. */
  private static final int DROPPED = 3 << 16;
  /** In {@link #codes}: the unit needs the slow branch. */
  private static final int SLOW = 4 << 16;
  /** The shared {@link #codes} of each combination of the normalizer's settings. */
  private static final AtomicReferenceArray<int[]> CODES = new AtomicReferenceArray<>(16);

  private final BertNormalization rules;
  /**
   * For each UTF-16 unit, what the normalizer and the pre-tokenizer make of it: {@link #WORD},
   * {@link #SPACE} or {@link #PUNCTUATION} plus the one character it becomes, {@link #DROPPED} or
   * {@link #SLOW} (expanded, a surrogate, or the start of an added token that would otherwise be
   * taken as part of a word).
   */
  private final int[] codes;
  private final WordPiece model;
  /** The added tokens by their first unit (all are matched on the raw text). */
  private final Map<Character, List<String>> addedByFirstUnit = new HashMap<>();
  /** A bit per UTF-16 unit: whether an added token starts with it. */
  private final long[] addedFirstUnits = new long[1 << 10];

  private BertFastPath(BertNormalizer normalizer, WordPiece model, AddedVocabulary added) {
    this.rules =
        new BertNormalization(
            normalizer.cleanText(),
            normalizer.handleChineseChars(),
            normalizer.stripAccents(),
            normalizer.lowercase());
    int key = (normalizer.cleanText() ? 8 : 0) | (normalizer.handleChineseChars() ? 4 : 0)
        | (normalizer.stripAccents() ? 2 : 0) | (normalizer.lowercase() ? 1 : 0);
    int[] shared = CODES.get(key);
    if (shared == null) {
      CODES.compareAndSet(key, null, buildCodes(rules.table()));
      shared = CODES.get(key);
    }
    int[] own = shared;
    for (String content : added.contents()) {
      char first = content.charAt(0);
      addedFirstUnits[first >>> 6] |= 1L << first;
      addedByFirstUnit.computeIfAbsent(first, c -> new ArrayList<>()).add(content);
      // Spaces and punctuation end a word anyway and look for added tokens there.
      int kind = own[first] & ~0xFFFF;
      if (kind == WORD || kind == DROPPED) {
        own = own == shared ? shared.clone() : own;
        own[first] = SLOW;
      }
    }
    this.codes = own;
    this.model = model;
  }

  private static int[] buildCodes(char[] table) {
    int[] codes = new int[table.length];
    for (int c = 0; c < table.length; c++) {
      char m = table[c];
      if (m < DROP) {
        codes[c] = (BertChars.preTokenClass(m) << 16) | m;
      } else {
        codes[c] = m == DROP ? DROPPED : SLOW;
      }
    }
    return codes;
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
    // Start of the current word while it is normalized in place in units; -1 otherwise.
    int wordStart = -1;
    for (int i = 0; i < n; ) {
      int code = codes[units[i]];
      if (code < SPACE) {
        // A character that becomes one BMP character of a word, never a surrogate.
        char m = (char) code;
        units[i] = m;
        if (out.buffering()) {
          out.addUnit(m, i, i + 1);
        } else if (wordStart < 0) {
          wordStart = i;
        }
        i++;
      } else if (code < DROPPED) {
        if (addedTokenAt(text, i)) {
          return null;
        }
        wordStart = endWord(units, wordStart, i, out);
        if (code >= PUNCTUATION) {
          // Each punctuation character is a word of its own.
          char m = (char) code;
          units[i] = m;
          model.tokenize(units, i, i + 1, out);
          out.endWord();
        }
        i++;
      } else if (code == DROPPED) {
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
    endWord(units, wordStart, n, out);
    return out;
  }

  private boolean addedTokenAt(String text, int i) {
    char c = text.charAt(i);
    if ((addedFirstUnits[c >>> 6] & (1L << c)) == 0) {
      return false;
    }
    List<String> candidates = addedByFirstUnit.get(c);
    for (int k = 0; k < candidates.size(); k++) {
      if (text.startsWith(candidates.get(k), i)) {
        return true;
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
      endWord(units, -1, start, out);
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
      endWord(units, -1, end, out);
    }
  }

  /**
   * Tokenizes the current word, if any: {@code units[wordStart, end)} when {@code wordStart >= 0},
   * else the buffered one. Returns -1, the next {@code wordStart}.
   */
  private int endWord(char[] units, int wordStart, int end, WordTokens out) {
    if (wordStart >= 0) {
      model.tokenize(units, wordStart, end, out);
      out.endWord();
    } else if (out.buffering()) {
      model.tokenize(out.word(), 0, out.wordLength(), out);
      out.endWord();
    }
    return -1;
  }
}
