package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected pieces checked against the reference (tokenizers@0.23.2, preTokenizeString). */
class PunctuationPreTokenizerTest {
  private static PreTokenizer of(SplitDelimiterBehavior b) {
    return new PunctuationPreTokenizer(b);
  }

  @Test
  void isolatedIsEachMarkAlone() {
    assertThat(Pieces.of(of(SplitDelimiterBehavior.ISOLATED), "Hey friend!     How are you?!?"))
        .containsExactly(
            "Hey friend@[0,10]", "!@[10,11]", "     How are you@[11,27]", "?@[27,28]", "!@[28,29]",
            "?@[29,30]");
  }

  @Test
  void eachBehavior() {
    String text = "a, b!?c";
    assertThat(Pieces.of(of(SplitDelimiterBehavior.REMOVED), text))
        .containsExactly("a@[0,1]", " b@[2,4]", "c@[6,7]");
    assertThat(Pieces.of(of(SplitDelimiterBehavior.MERGED_WITH_PREVIOUS), text))
        .containsExactly("a,@[0,2]", " b!@[2,5]", "?@[5,6]", "c@[6,7]");
    assertThat(Pieces.of(of(SplitDelimiterBehavior.MERGED_WITH_NEXT), text))
        .containsExactly("a@[0,1]", ", b@[1,4]", "!@[4,5]", "?c@[5,7]");
    assertThat(Pieces.of(of(SplitDelimiterBehavior.CONTIGUOUS), text))
        .containsExactly("a@[0,1]", ",@[1,2]", " b@[2,4]", "!?@[4,6]", "c@[6,7]");
    assertThat(Pieces.of(of(SplitDelimiterBehavior.REMOVED), "!!")).isEmpty();
  }

  @Test
  void asciiSymbolsArePunctuationButUnicodeSymbolsAreNot() {
    assertThat(Pieces.of(of(SplitDelimiterBehavior.REMOVED), "a$b+c<d=e>f^g`h|i~j"))
        .containsExactly(
            "a@[0,1]", "b@[2,3]", "c@[4,5]", "d@[6,7]", "e@[8,9]", "f@[10,11]", "g@[12,13]",
            "h@[14,15]", "i@[16,17]", "j@[18,19]");
    assertThat(Pieces.of(of(SplitDelimiterBehavior.ISOLATED), "€5 ±1 ©")).containsExactly("€5 ±1 ©@[0,7]");
  }

  @Test
  void unicodePunctuation() {
    assertThat(Pieces.of(of(SplitDelimiterBehavior.ISOLATED), "“quoted” — yes…"))
        .containsExactly(
            "“@[0,1]", "quoted@[1,7]", "”@[7,8]", " @[8,9]", "—@[9,10]", " yes@[10,14]", "…@[14,15]");
    assertThat(Pieces.of(of(SplitDelimiterBehavior.ISOLATED), "、。「x」¿¡a_b\u203fc"))
        .containsExactly(
            "、@[0,1]", "。@[1,2]", "「@[2,3]", "x@[3,4]", "」@[4,5]", "¿@[5,6]", "¡@[6,7]", "a@[7,8]",
            "_@[8,9]", "b@[9,10]", "\u203f@[10,11]", "c@[11,12]");
  }

  @Test
  void followsTheReferencesOlderCategoriesNotTheJdks() {
    // U+166D was Po in older Unicode (So now); U+2E43 and U+2E4F became Po after the reference's tables.
    assertThat(Pieces.of(of(SplitDelimiterBehavior.ISOLATED), "a\u166db\u2e43\u2e4f"))
        .containsExactly("a@[0,1]", "\u166d@[1,2]", "b\u2e43\u2e4f@[2,5]");
  }
}
