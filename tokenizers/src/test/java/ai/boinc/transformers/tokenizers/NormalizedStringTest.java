package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NormalizedStringTest {
  private static final Pattern SPACE = Pattern.compile(" ", Pattern.LITERAL);

  @Test
  void freshStringMapsToItself() {
    NormalizedString s = NormalizedString.of("abc");
    assertThat(s.normalized()).isEqualTo("abc");
    assertThat(s.toOriginal(1, 3)).containsExactly(1, 3);
  }

  @Test
  void astralCharacterIsOneUnitPairWithOneSpan() {
    NormalizedString s = NormalizedString.of("a😀b");
    assertThat(s.toOriginal(1, 2)).containsExactly(1, 3);
    assertThat(s.toOriginal(2, 3)).containsExactly(1, 3);
  }

  @Test
  void sliceThroughAnAstralCharacterKeepsItsWholeSpan() {
    NormalizedString s = NormalizedString.of("xa😀b");
    NormalizedString low = s.slice(3, 4);
    assertThat(low.original()).isEqualTo("😀");
    assertThat(low.toOriginal(0, 1)).containsExactly(2, 4);
    NormalizedString word = s.slice(1, 4);
    assertThat(word.toOriginal(1, 3)).containsExactly(2, 4);
    assertThat(word.slice(0, 1).toOriginal(0, 1)).containsExactly(1, 2);
  }

  @Test
  void oneForOneRewriteKeepsAlignments() {
    NormalizedString s = NormalizedString.of("a😀 b");
    s.rewriteUnits("A😀_B".toCharArray(), 5, null);
    assertThat(s.normalized()).isEqualTo("A😀_B");
    assertThat(s.toOriginal(1, 2)).containsExactly(1, 3);
    assertThat(s.slice(3, 5).toOriginal(0, 2)).containsExactly(3, 5);
    assertThatThrownBy(() -> s.rewriteUnits(new char[2], 2, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rewriteFromSourceUnitsTakesTheirSpans() {
    NormalizedString s = NormalizedString.of("é!");
    // Two units from the first character, one from the second.
    s.rewriteUnits(new char[] {'x', 'y', 'z'}, 3, new int[] {0, 0, 1});
    assertThat(s.normalized()).isEqualTo("xyz");
    assertThat(s.toOriginal(1, 2)).containsExactly(0, 1);
    assertThat(s.toOriginal(2, 3)).containsExactly(1, 2);
    assertThat(s.toOriginalStart(1, 3)).isZero();
    assertThat(s.toOriginalEnd(1, 3)).isEqualTo(2);
  }

  @Test
  void prependedTextTakesTheSpanOfTheFirstCharacter() {
    NormalizedString s = NormalizedString.of("hi");
    s.prepend("▁▁");
    assertThat(s.normalized()).isEqualTo("▁▁hi");
    assertThat(s.toOriginal(0, 1)).containsExactly(0, 1);
    assertThat(s.toOriginal(1, 3)).containsExactly(0, 1);
    assertThat(s.toOriginal(3, 4)).containsExactly(1, 2);
  }

  @Test
  void prependOnEmptyDoesNothing() {
    NormalizedString s = NormalizedString.of("");
    s.prepend("▁");
    assertThat(s.normalized()).isEmpty();
  }

  @Test
  void appendedTextTakesTheSpanOfTheLastCharacter() {
    NormalizedString s = NormalizedString.of("ab");
    s.append("!!");
    assertThat(s.normalized()).isEqualTo("ab!!");
    assertThat(s.toOriginal(2, 4)).containsExactly(1, 2);
  }

  @Test
  void replacementTakesTheSpanOfTheLastMatchedCharacter() {
    NormalizedString s = NormalizedString.of("xaby");
    s.replace(Pattern.compile("ab"), "QRS");
    assertThat(s.normalized()).isEqualTo("xQRSy");
    assertThat(s.toOriginal(1, 2)).containsExactly(2, 3);
    assertThat(s.toOriginal(1, 4)).containsExactly(2, 3);
    assertThat(s.toOriginal(4, 5)).containsExactly(3, 4);
    assertThat(s.toOriginal(0, 5)).containsExactly(0, 4);
  }

  @Test
  void replacementCanDelete() {
    NormalizedString s = NormalizedString.of("a b c");
    s.replace(SPACE, "");
    assertThat(s.normalized()).isEqualTo("abc");
    assertThat(s.toOriginal(1, 3)).containsExactly(2, 5);
  }

  @Test
  void sliceKeepsOffsetsIntoTheFullText() {
    NormalizedString s = NormalizedString.of("one two");
    s.replace(SPACE, "▁");
    NormalizedString tail = s.slice(3, 7);
    assertThat(tail.normalized()).isEqualTo("▁two");
    assertThat(tail.original()).isEqualTo(" two");
    assertThat(tail.originalStart()).isEqualTo(3);
    assertThat(tail.toOriginal(1, 4)).containsExactly(4, 7);
    tail.prepend("▁");
    assertThat(tail.toOriginal(0, 2)).containsExactly(3, 4);
  }

  @Test
  void transformFollowsTheReferenceChangeCodes() {
    NormalizedString s = NormalizedString.of("abc");
    // "a" kept, "b" replaced by "X" and "c" removed, then "Y" inserted: like the reference, an
    // inserted character takes the span of the old character just before the cursor ("c").
    s.transform(0, 3, new int[] {'a', 'X', 'Y'}, new int[] {0, -1, 1}, 0);
    assertThat(s.normalized()).isEqualTo("aXY");
    assertThat(s.toOriginal(1, 2)).containsExactly(1, 2);
    assertThat(s.toOriginal(2, 3)).containsExactly(2, 3);
  }

  @Test
  void emptyRangeMapsToItselfAndBadRangesThrow() {
    NormalizedString s = NormalizedString.of("abc");
    assertThat(s.toOriginal(2, 2)).containsExactly(2, 2);
    assertThatThrownBy(() -> s.toOriginal(2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
