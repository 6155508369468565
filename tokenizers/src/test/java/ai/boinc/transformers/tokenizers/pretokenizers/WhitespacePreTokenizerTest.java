package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected pieces checked against the reference (tokenizers@0.23.2, preTokenizeString). */
class WhitespacePreTokenizerTest {
  private final PreTokenizer p = new WhitespacePreTokenizer();

  @Test
  void wordsAndPunctuationRunsWhitespaceDropped() {
    assertThat(Pieces.of(p, "Hey man!")).containsExactly("Hey@[0,3]", "man@[4,7]", "!@[7,8]");
    assertThat(Pieces.of(p, "How are you doing?"))
        .containsExactly("How@[0,3]", "are@[4,7]", "you@[8,11]", "doing@[12,17]", "?@[17,18]");
    assertThat(Pieces.of(p, "don't stop_me... now!!"))
        .containsExactly(
            "don@[0,3]", "'@[3,4]", "t@[4,5]", "stop_me@[6,13]", "...@[13,16]", "now@[17,20]",
            "!!@[20,22]");
  }

  @Test
  void onlyWhitespaceOrNothingGivesNoPieces() {
    assertThat(Pieces.of(p, "\n")).isEmpty();
    assertThat(Pieces.of(p, "")).isEmpty();
  }

  @Test
  void marksJoinersAndConnectorsAreWordCharacters() {
    // combining acute, ZWJ, undertie (Pc); ZWSP is neither word nor space
    assertThat(Pieces.of(p, "cafe\u0301 x\u200dy a\u200bb \u203fa\u2040"))
        .containsExactly(
            "cafe\u0301@[0,5]", "x\u200dy@[6,9]", "a@[10,11]", "\u200b@[11,12]", "b@[12,13]",
            "\u203fa\u2040@[14,17]");
  }

  @Test
  void unicodeWhiteSpacePropertyIsTheSeparator() {
    // NBSP, ideographic space, thin space and NEL separate; U+180E and U+200B are not White_Space
    assertThat(Pieces.of(p, "\u00a0a\u3000b\u2009c\u0085d\u180ee\u200bf"))
        .containsExactly(
            "a@[1,2]", "b@[3,4]", "c@[5,6]", "d@[7,8]", "\u180e@[8,9]", "e@[9,10]",
            "\u200b@[10,11]", "f@[11,12]");
  }

  @Test
  void decimalDigitsAreWordButOtherNumbersAreNot() {
    assertThat(Pieces.of(p, "x²+y³=z½ ٣٤٥"))
        .containsExactly(
            "x@[0,1]", "²+@[1,3]", "y@[3,4]", "³=@[4,6]", "z@[6,7]", "½@[7,8]", "٣٤٥@[9,12]");
  }

  @Test
  void cjkEmojiAndSupplementaryCharacters() {
    assertThat(Pieces.of(p, "日本語、テキスト。"))
        .containsExactly("日本語@[0,3]", "、@[3,4]", "テキスト@[4,8]", "。@[8,9]");
    assertThat(Pieces.of(p, "😀😀 ab😀")).containsExactly("😀😀@[0,4]", "ab@[5,7]", "😀@[7,9]");
    // math digits, and Garay digits that are newer than the JDK's Unicode tables
    assertThat(Pieces.of(p, "𝟙𝟚x \ud803\udd40\ud803\udd41"))
        .containsExactly("𝟙𝟚x@[0,5]", "\ud803\udd40\ud803\udd41@[6,10]");
  }
}
