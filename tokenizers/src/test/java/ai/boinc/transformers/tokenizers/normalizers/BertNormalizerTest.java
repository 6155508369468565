package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

class BertNormalizerTest {
  private static final BertNormalizer UNCASED = new BertNormalizer(true, true, null, true);
  private static final BertNormalizer CASED = new BertNormalizer(true, true, null, false);

  @Test
  void cleanTextDropsControlsAndTurnsWhitespaceIntoSpaces() {
    BertNormalizer clean = new BertNormalizer(true, false, false, false);
    assertThat(clean.normalize("a\u0000b\uFFFDc\u0001d\u00ADe\u200Bf")).isEqualTo("abcdef");
    assertThat(clean.normalize("a\tb\nc\rd\u3000e\u00A0f")).isEqualTo("a b c d e f");
    // Vertical tab and form feed are control characters to BERT, so they vanish.
    assertThat(clean.normalize("a\u000Bb\u000Cc")).isEqualTo("abc");
  }

  @Test
  void privateUseIsDroppedUnassignedIsKept() {
    BertNormalizer clean = new BertNormalizer(true, false, false, false);
    assertThat(clean.normalize("a\uE001b\uDB80\uDC01c")).isEqualTo("abc");
    assertThat(clean.normalize("a\u0378b")).isEqualTo("a\u0378b");
  }

  @Test
  void chineseCharactersAreSurroundedBySpaces() {
    assertThat(UNCASED.normalize("Héllo\t世界")).isEqualTo("hello  世  界 ");
    assertThat(CASED.normalize("ab中c")).isEqualTo("ab 中 c");
  }

  @Test
  void stripAccentsFollowsLowercaseWhenAbsent() {
    assertThat(UNCASED.stripAccents()).isTrue();
    assertThat(CASED.stripAccents()).isFalse();
    assertThat(CASED.normalize("Héllo")).isEqualTo("Héllo");
    assertThat(new BertNormalizer(true, true, true, false).normalize("Héllo")).isEqualTo("Hello");
  }

  @Test
  void lowercaseIsPerCharacterWithoutFinalSigma() {
    assertThat(UNCASED.normalize("ΑΣ")).isEqualTo("ασ");
    // Without accent stripping İ lowercases to i + combining dot, as Rust's char::to_lowercase.
    assertThat(new BertNormalizer(false, false, false, true).normalize("İ")).isEqualTo("i\u0307");
    assertThat(UNCASED.normalize("İΣ\u0301")).isEqualTo("iσ");
  }

  @Test
  void offsetsOfADecomposedCharacterIgnoreAMarkDroppedAfterIt() {
    // Regression: 가 decomposes to two jamo; the dot below after it is dropped. Both jamo keep
    // the syllable's span, the dropped mark's span is not attached to the second one.
    NormalizedString s = NormalizedString.of("가\u0323");
    UNCASED.normalize(s);
    assertThat(s.normalized()).isEqualTo("\u1100\u1161");
    assertThat(s.toOriginal(0, 1)).containsExactly(0, 1);
    assertThat(s.toOriginal(1, 2)).containsExactly(0, 1);
  }

  @Test
  void droppedCharactersFoldIntoTheCharacterBefore() {
    NormalizedString s = NormalizedString.of("\u0001ab\u0001c");
    new BertNormalizer(true, false, false, false).normalize(s);
    assertThat(s.normalized()).isEqualTo("abc");
    assertThat(s.toOriginal(0, 1)).containsExactly(1, 2);
    assertThat(s.toOriginal(1, 2)).containsExactly(2, 3);
    assertThat(s.toOriginal(2, 3)).containsExactly(4, 5);
  }

  @Test
  void nothingToDoLeavesTheStringAsItIs() {
    NormalizedString s = NormalizedString.of("plain words");
    UNCASED.normalize(s);
    assertThat(s.normalized()).isEqualTo("plain words");
    assertThat(s.toOriginal(6, 11)).containsExactly(6, 11);
  }
}
