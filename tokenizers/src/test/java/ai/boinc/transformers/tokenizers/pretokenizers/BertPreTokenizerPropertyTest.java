package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.internal.text.BertChars;
import ai.boinc.transformers.tokenizers.internal.regex.CharSplits;
import ai.boinc.transformers.tokenizers.internal.text.Text;
import ai.boinc.transformers.tokenizers.normalizers.BertNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * BertPreTokenizer's one table-driven scan gives exactly the pieces (text, original text and
 * offsets) of the reference's two splits — whitespace removed, then punctuation isolated — on
 * arbitrary Unicode, on raw text and on text BertNormalizer rewrote (CJK padding, dropped
 * characters, decompositions). QuickTheories prints the seed of a failing run; replay it with
 * {@code -DQT_SEED=<seed>}.
 */
class BertPreTokenizerPropertyTest {
  private static final int EXAMPLES = 3000;

  private static Gen<String> anyText() {
    return TextGens.texts(
        List.of(" ", "  ", "\t", "\n", "\u000B", "\u0085", "\u00a0", "\u1680", "\u2009",
                    "\u2028", "\u3000", "\u200b", "\u0301", "_", "a", "Hello", "123", ",", "!?", "“",
                    "。", "、", "日本", "가", "é", "É", "\u00bf", "\u00a7", "$", "+", "^", "`", "~",
                    "\ud800\udd00", "\ud801\udd6f", "😀", "\ud800", "\udc00", "\udbff\udfff",
                    "\uD840\uDC00", "\u0000", "\u0001"),
        20);
  }

  /** The pieces: text, original text and start, and the original span of every unit. */
  private static List<String> describe(PreTokenizedString s) {
    List<String> out = new ArrayList<>();
    for (PreTokenizedString.Split split : s.splits()) {
      NormalizedString n = split.normalized();
      StringBuilder b = new StringBuilder(n.normalized()).append('|').append(n.original())
          .append('@').append(n.originalStart());
      for (int i = 0; i < n.length(); i++) {
        int[] o = n.toOriginal(i, i + 1);
        b.append(' ').append(o[0]).append(',').append(o[1]);
      }
      out.add(b.toString());
    }
    return out;
  }

  private static PreTokenizedString input(String text, boolean normalize) {
    NormalizedString n = NormalizedString.of(text);
    if (normalize) {
      new BertNormalizer(true, true, null, true).normalize(n);
    }
    return PreTokenizedString.of(n);
  }

  @Test
  void oneScanEqualsTheTwoSplits() {
    qt().withExamples(EXAMPLES)
        .forAll(anyText(), Generate.booleans())
        .checkAssert(
            (text, normalize) -> {
              PreTokenizedString fast = input(text, normalize);
              new BertPreTokenizer().preTokenize(fast);
              PreTokenizedString reference = input(text, normalize);
              reference.splitEach(piece -> CharSplits.removed(piece, Text::isWhiteSpace));
              reference.splitEach(piece -> CharSplits.isolated(piece, BertChars::isPunctuation));
              assertThat(describe(fast)).isEqualTo(describe(reference));
            });
  }

  @Test
  void theUnitTableAgreesWithThePredicates() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      byte kind = BertChars.preTokenClass((char) c);
      if (Character.isHighSurrogate((char) c)) {
        assertThat(kind).isEqualTo(BertChars.HIGH_SURROGATE);
      } else {
        byte expected =
            Text.isWhiteSpace(c)
                ? BertChars.SPACE
                : BertChars.isPunctuation(c) ? BertChars.PUNCTUATION : BertChars.WORD;
        assertThat(kind).as("U+%04X", c).isEqualTo(expected);
      }
    }
  }
}
