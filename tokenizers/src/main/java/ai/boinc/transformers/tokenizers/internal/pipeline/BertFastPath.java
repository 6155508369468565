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

/**
 * BERT's pipeline ({@code BertNormalizer}, {@code BertPreTokenizer}, {@code WordPiece}) as one
 * pass over the text's characters: each character is normalized (one table read for most, {@link
 * BertNormalization#expand} for the rest), classified as the pre-tokenizer would classify it, and
 * added to the current word with its span in the original text; each word goes to WordPiece as it
 * ends. It gives what the general path gives, without a {@code NormalizedString}, slices or split
 * objects: the normalizer's rewrites are one character at a time and every character they make
 * takes the span of the character it came from, which is all the offsets of a token need (the
 * spaces the normalizer inserts, whose spans differ, never reach a token). Immutable and
 * thread-safe.
 */
public final class BertFastPath {
  private final BertNormalization rules;
  private final char[] table;
  private final WordPiece model;

  private BertFastPath(BertNormalizer normalizer, WordPiece model) {
    this.rules =
        new BertNormalization(
            normalizer.cleanText(),
            normalizer.handleChineseChars(),
            normalizer.stripAccents(),
            normalizer.lowercase());
    this.table = rules.table();
    this.model = model;
  }

  /** The fused path for exactly this pipeline shape, or null for any other. */
  public static BertFastPath of(Normalizer normalizer, PreTokenizer preTokenizer, Model model) {
    if (normalizer instanceof BertNormalizer
        && preTokenizer instanceof BertPreTokenizer
        && model instanceof WordPiece) {
      return new BertFastPath((BertNormalizer) normalizer, (WordPiece) model);
    }
    return null;
  }

  /**
   * The model's tokens of {@code text}, which must hold no lone surrogate and no added token (see
   * {@link AddedVocabulary#cutsNothingFrom}); offsets index {@code text}.
   */
  public WordTokens tokenize(String text) {
    int n = text.length();
    char[] in = text.toCharArray();
    WordTokens out = new WordTokens(n / 4 + 8);
    int[] scratch = null;
    for (int i = 0; i < n; ) {
      char m = table[in[i]];
      if (m < DROP) {
        // A BMP character that becomes one BMP character, never a surrogate.
        add(m, m, i, i + 1, out);
        i++;
      } else if (m == DROP) {
        i++;
      } else {
        int cp = Character.codePointAt(in, i, n);
        int width = Character.charCount(cp);
        if (scratch == null) {
          scratch = new int[2 * MAX_EXPANSION];
        }
        int k = rules.expand(in, i, cp, scratch);
        for (int e = 0; e < k; e++) {
          add(scratch[2 * e], -1, i, i + width, out);
        }
        i += width;
      }
    }
    endWord(out);
    return out;
  }

  /**
   * Adds code point {@code cp} made from original span {@code [start, end)}: {@code unit} is
   * {@code cp} when the caller knows it is a BMP character other than a surrogate, else -1.
   */
  private void add(int cp, int unit, int start, int end, WordTokens out) {
    byte kind =
        unit >= 0 || (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && !Character.isSurrogate((char) cp))
            ? BertChars.preTokenClass((char) cp)
            : BertChars.codePointPreTokenClass(cp);
    if (kind == BertChars.WORD) {
      append(cp, start, end, out);
      return;
    }
    endWord(out);
    if (kind == BertChars.PUNCTUATION) {
      // Each punctuation character is a word of its own.
      append(cp, start, end, out);
      endWord(out);
    }
  }

  private static void append(int cp, int start, int end, WordTokens out) {
    if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      out.addUnit((char) cp, start, end);
    } else {
      out.addUnit(Character.highSurrogate(cp), start, end);
      out.addUnit(Character.lowSurrogate(cp), start, end);
    }
  }

  private void endWord(WordTokens out) {
    if (out.hasWord()) {
      model.tokenize(out.word(), 0, out.wordLength(), out);
      out.endWord();
    }
  }
}
