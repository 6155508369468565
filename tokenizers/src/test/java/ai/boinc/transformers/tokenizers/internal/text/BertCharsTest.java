package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BertCharsTest {
  @Test
  void tablesAreSortedDisjointRanges() {
    for (int[] table :
        new int[][] {BertCharTables.OTHER, BertCharTables.NONSPACING_MARK, BertCharTables.PUNCTUATION}) {
      assertThat(table.length % 2).isZero();
      for (int i = 0; i < table.length; i += 2) {
        assertThat(table[i]).isLessThanOrEqualTo(table[i + 1]);
        if (i > 0) {
          assertThat(table[i]).isGreaterThan(table[i - 1] + 1);
        }
      }
    }
  }

  @Test
  void classesFromTheReferenceTables() {
    assertThat(BertChars.isOther(0x200B)).isTrue();
    assertThat(BertChars.isOther('\t')).isFalse();
    // U+08E2 became a format character after the reference's tables were made.
    assertThat(BertChars.isOther(0x08E2)).isFalse();
    assertThat(BertChars.isPunctuation('$')).isTrue();
    assertThat(BertChars.isPunctuation('„')).isTrue();
    assertThat(BertChars.isPunctuation('a')).isFalse();
    assertThat(BertChars.isNonspacingMark(0x0301)).isTrue();
    assertThat(BertChars.isChineseChar('中')).isTrue();
    assertThat(BertChars.isChineseChar('あ')).isFalse();
  }

  @Test
  void lowercaseAsRust() {
    assertThat(BertChars.lowercase('A')).isEqualTo('a');
    assertThat(BertChars.lowercase('Σ')).isEqualTo('σ');
    assertThat(BertChars.lowercase(0x10570)).isEqualTo(0x10597);
    assertThat(BertChars.lowercase(0x0130)).isEqualTo(-1);
    assertThat(BertChars.lowercaseSpecial(0x0130)).containsExactly('i', 0x0307);
    assertThat(BertChars.lowercase('ß')).isEqualTo('ß');
  }

  @Test
  void decompositions() {
    assertThat(BertChars.decomposition('é')).containsExactly('e', 0x0301);
    assertThat(BertChars.decomposition('가')).containsExactly(0x1100, 0x1161);
    assertThat(BertChars.decomposition('각')).containsExactly(0x1100, 0x1161, 0x11A8);
    assertThat(BertChars.decomposition('a')).isNull();
    assertThat(BertChars.decomposition(0x11938)).isNull();
  }
}
