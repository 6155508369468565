package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.TextGens;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * BertNormalizer's single pass (with its per-character table) gives exactly the text and the
 * offsets of the reference's four separate passes ({@link BertNormalizerReference}), for every
 * combination of settings, on arbitrary Unicode (any plane, lone surrogates, controls, CJK,
 * Hangul, marks), both on fresh text and on text an earlier normalizer already rewrote.
 * QuickTheories prints the seed of a failing run; replay it with {@code -DQT_SEED=<seed>}.
 */
class BertNormalizerPropertyTest {
  private static final int EXAMPLES = 3000;

  private static Gen<String> anyText() {
    return TextGens.texts(
        List.of(" ", "\t", "\n", "\r", "\u000B", "\u000C", "\u0000", "\u0001", "\u007F",
                    "\u0085", "\u00A0", "\u00AD", "\u200B", "\u3000", "\uFFFD", "\uFEFF", "\uE000",
                    "\uFFFE", "\uFFFF", "\uDB80\uDC01", "\u0301", "\u0323\u0301", "\u3099", "e\u0301",
                    "é", "É", "Ä", "İ", "Σ", "ǅ", "ß", "ﬁ", "Å", "Ω", "K", "가", "각", "中", "文字",
                    "\uF900", "\uD840\uDC00", "\uD87E\uDC00", "が", "ά", "𐐀", "\uD834\uDD5E", "Hello",
                    "WORLD", "abc", "123", ",", "\ud800", "\udc00", "\udbff\udfff", "😀", "\u0130\u0301",
                    "\uD801\u0000\uDC00", "\uD840\u0301\uDC00", "\uD801", "\uDC00\u0001"),
        16);
  }

  private static Gen<boolean[]> settings() {
    return integers().between(0, 15).map(k -> new boolean[] {
        (k & 8) != 0, (k & 4) != 0, (k & 2) != 0, (k & 1) != 0});
  }

  /** Normalized text, then the original span of every normalized unit, and where it sits. */
  private static List<String> state(NormalizedString s) {
    List<String> out = new ArrayList<>();
    out.add(s.normalized());
    out.add(s.original() + "@" + s.originalStart());
    for (int i = 0; i < s.length(); i++) {
      int[] o = s.toOriginal(i, i + 1);
      out.add(i + ":" + o[0] + "," + o[1]);
    }
    return out;
  }

  private static void assertSame(boolean[] f, NormalizedString a, NormalizedString b) {
    new BertNormalizer(f[0], f[1], f[2], f[3]).normalize(a);
    new BertNormalizerReference(f[0], f[1], f[2], f[3]).normalize(b);
    assertThat(state(a)).isEqualTo(state(b));
  }

  @Test
  void onePassEqualsTheFourStepsOnFreshText() {
    qt().withExamples(EXAMPLES)
        .forAll(anyText(), settings())
        .checkAssert(
            (text, f) -> assertSame(f, NormalizedString.of(text), NormalizedString.of(text)));
  }

  @Test
  void onePassEqualsTheFourStepsOnRewrittenSlices() {
    Pattern p = Pattern.compile("[a\u00e9\u4e2d]");
    qt().withExamples(EXAMPLES)
        .forAll(anyText(), settings(), integers().between(0, 3))
        .checkAssert(
            (text, f, cut) -> {
              NormalizedString a = rewritten(text, p, cut);
              NormalizedString b = rewritten(text, p, cut);
              assertSame(f, a, b);
            });
  }

  /** {@code text} after a replacement that changes lengths, sliced away from its start. */
  private static NormalizedString rewritten(String text, Pattern p, int cut) {
    NormalizedString s = NormalizedString.of(text);
    s.replace(p, cut % 2 == 0 ? "XY" : "");
    if (s.isEmpty()) {
      return s;
    }
    int start = Math.min(cut, s.length() - 1);
    while (start > 0 && start < s.length() && Character.isLowSurrogate(s.normalized().charAt(start))) {
      start--;
    }
    return s.slice(start, s.length());
  }

  @Test
  void loneSurrogatesJoinedByADroppedCharacterAreOneCharacterForTheLaterSteps() {
    // Clean-up drops the NUL; the reference's lowercase step then sees U+10400 and lowercases it.
    NormalizedString s = NormalizedString.of("\uD801\u0000\uDC00");
    new BertNormalizer(true, false, false, true).normalize(s);
    assertThat(s.normalized()).isEqualTo("\uD801\uDC28");
    assertThat(s.toOriginal(0, 2)).containsExactly(0, 1);
  }

  @Test
  void aDocumentOfEverydayTextNeedsNoOffsetsWhenNothingMoves() {
    NormalizedString s = NormalizedString.of("Hello\tWORLD\nÉté");
    new BertNormalizer(true, true, null, true).normalize(s);
    assertThat(s.normalized()).isEqualTo("hello world ete");
    assertThat(s.toOriginal(12, 15)).containsExactly(12, 15);
  }
}
