package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected pieces checked against the reference (tokenizers@0.23.2, preTokenizeString). */
class UnicodeScriptsPreTokenizerTest {
  private final PreTokenizer p = new UnicodeScriptsPreTokenizer();

  @Test
  void japaneseKanaAndKanjiStayTogether() {
    assertThat(Pieces.of(p, "どこで生れ。Yes")).containsExactly("どこで生れ@[0,5]", "。@[5,6]", "Yes@[6,9]");
    assertThat(Pieces.of(p, "ノートー")).containsExactly("ノートー@[0,4]");
  }

  @Test
  void spacesGoWithThePieceBefore() {
    assertThat(Pieces.of(p, "Apples are りんご 林檎"))
        .containsExactly("Apples are @[0,11]", "りんご 林檎@[11,17]");
    assertThat(Pieces.of(p, "Hello 世界ひらがなカタカナ한국어 abc123 Привет мир 😀!"))
        .containsExactly(
            "Hello @[0,6]", "世界ひらがなカタカナ@[6,16]", "한국어 @[16,20]", "abc@[20,23]", "123 @[23,27]",
            "Привет мир @[27,38]", "😀!@[38,41]");
  }

  @Test
  void leadingSpacesAreDroppedAndSpacesAloneVanish() {
    assertThat(Pieces.of(p, "  abc")).containsExactly("abc@[2,5]");
    assertThat(Pieces.of(p, " 世 a")).containsExactly("世 @[1,3]", "a@[3,4]");
    assertThat(Pieces.of(p, "   ")).isEmpty();
  }

  @Test
  void onlyU0020IsScriptless() {
    assertThat(Pieces.of(p, "\u3000a")).containsExactly("\u3000@[0,1]", "a@[1,2]");
    assertThat(Pieces.of(p, "a\tb")).containsExactly("a@[0,1]", "\t@[1,2]", "b@[2,3]");
    assertThat(Pieces.of(p, "ab\u200bcd")).containsExactly("ab@[0,2]", "\u200b@[2,3]", "cd@[3,5]");
  }

  @Test
  void commonAndInheritedAreScriptsOfTheirOwn() {
    assertThat(Pieces.of(p, "1a")).containsExactly("1@[0,1]", "a@[1,2]");
    assertThat(Pieces.of(p, "a-b")).containsExactly("a@[0,1]", "-@[1,2]", "b@[2,3]");
    assertThat(Pieces.of(p, "cafe\u0301")).containsExactly("cafe@[0,4]", "\u0301@[4,5]");
  }

  @Test
  void unicode9Table() {
    // emoji of Unicode 6 are Common; U+1FAE0 (Unicode 14) had no script in Unicode 9.0
    assertThat(Pieces.of(p, "x😀y")).containsExactly("x@[0,1]", "😀@[1,3]", "y@[3,4]");
    assertThat(Pieces.of(p, "a\ud83e\udee0b")).containsExactly("a\ud83e\udee0b@[0,4]");
    // U+0589 was Common and U+0953 Devanagari in Unicode 9.0 (Armenian and Inherited since)
    assertThat(Pieces.of(p, "\u0589\u0531 \u0953\u0915"))
        .containsExactly("\u0589@[0,1]", "\u0531 @[1,3]", "\u0953\u0915@[3,5]");
  }
}
