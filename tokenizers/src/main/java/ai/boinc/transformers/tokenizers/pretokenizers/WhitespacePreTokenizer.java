package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.UnicodeTables;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code Whitespace}: keeps the matches of the reference's {@code \w+|[^\w\s]+} and drops
 * the rest, i.e. cuts every piece into runs of word characters and runs of other non-space
 * characters, dropping whitespace. {@code \w} and {@code \s} are those of the Rust regex crate
 * (Unicode's Alphabetic, marks, decimal digits, connector punctuation, ZWNJ/ZWJ; and White_Space),
 * not Oniguruma's nor Java's (see {@link UnicodeTables#isRegexWord}). Immutable and thread-safe.
 *
 * <pre>{@code
 * new WhitespacePreTokenizer()  // "Hey man!" -> "Hey", "man", "!"
 * }</pre>
 */
public final class WhitespacePreTokenizer implements PreTokenizer {
  private static final int SPACE = 0;
  private static final int WORD = 1;
  private static final int OTHER = 2;

  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(WhitespacePreTokenizer::split);
  }

  private static int kind(int cp) {
    if (UnicodeTables.isRegexWord(cp)) {
      return WORD;
    }
    return UnicodeTables.isRegexWhitespace(cp) ? SPACE : OTHER;
  }

  private static List<NormalizedString> split(NormalizedString piece) {
    String s = piece.normalized();
    List<NormalizedString> out = new ArrayList<>();
    int runStart = 0;
    int runKind = SPACE;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int k = kind(cp);
      if (k != runKind) {
        if (runKind != SPACE) {
          out.add(piece.slice(runStart, i));
        }
        runStart = i;
        runKind = k;
      }
      i += Character.charCount(cp);
    }
    if (runKind != SPACE) {
      out.add(piece.slice(runStart, s.length()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Whitespace";
  }
}
