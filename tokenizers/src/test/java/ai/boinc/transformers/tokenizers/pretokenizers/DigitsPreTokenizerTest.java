package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected pieces checked against the reference (tokenizers@0.23.2, preTokenizeString). */
class DigitsPreTokenizerTest {
  @Test
  void runsOfDigits() {
    assertThat(Pieces.of(new DigitsPreTokenizer(false), "Hey 123 friend!"))
        .containsExactly("Hey @[0,4]", "123@[4,7]", " friend!@[7,15]");
    assertThat(Pieces.of(new DigitsPreTokenizer(false), "a1.5b"))
        .containsExactly("a@[0,1]", "1@[1,2]", ".@[2,3]", "5@[3,4]", "b@[4,5]");
  }

  @Test
  void individualDigits() {
    assertThat(Pieces.of(new DigitsPreTokenizer(true), "Hey 123 friend!"))
        .containsExactly("Hey @[0,4]", "1@[4,5]", "2@[5,6]", "3@[6,7]", " friend!@[7,15]");
    assertThat(Pieces.of(new DigitsPreTokenizer(true), "٣٤Ⅻ½𝟘𝟙x"))
        .containsExactly("٣@[0,1]", "٤@[1,2]", "Ⅻ@[2,3]", "½@[3,4]", "𝟘@[4,6]", "𝟙@[6,8]", "x@[8,9]");
  }

  @Test
  void numericMeansDecimalLetterAndOtherNumbersOfEveryScript() {
    String text = "0123 ٠١٢ ۰۱ ०१ ০১ ๐๑ ０１ ²³ ₀₁ ½⅓ ⅠⅫⅻ ①⑩ 𝟘𝟙 〇一 ፩";
    assertThat(Pieces.of(new DigitsPreTokenizer(false), text))
        .containsExactly(
            "0123@[0,4]", " @[4,5]", "٠١٢@[5,8]", " @[8,9]", "۰۱@[9,11]", " @[11,12]", "०१@[12,14]",
            " @[14,15]", "০১@[15,17]", " @[17,18]", "๐๑@[18,20]", " @[20,21]", "０１@[21,23]",
            " @[23,24]", "²³@[24,26]", " @[26,27]", "₀₁@[27,29]", " @[29,30]", "½⅓@[30,32]",
            " @[32,33]", "ⅠⅫⅻ@[33,36]", " @[36,37]", "①⑩@[37,39]", " @[39,40]", "𝟘𝟙@[40,44]",
            " @[44,45]", "〇@[45,46]", "一 @[46,48]", "፩@[48,49]");
  }

  @Test
  void digitsNewerThanTheJdkAreNumericToo() {
    // Garay digits (Unicode 16.0)
    assertThat(Pieces.of(new DigitsPreTokenizer(false), "x\ud803\udd40\ud803\udd41y"))
        .containsExactly("x@[0,1]", "\ud803\udd40\ud803\udd41@[1,5]", "y@[5,6]");
  }
}
