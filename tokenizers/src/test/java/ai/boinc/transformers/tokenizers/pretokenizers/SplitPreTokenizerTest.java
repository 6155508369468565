package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases from the reference's own split.rs tests. */
class SplitPreTokenizerTest {
  @Test
  void invertedWordRegexWithEachBehavior() {
    String text = "How are you doing?";
    String regex = "\\w+|[^\\w\\s]+";
    assertThat(Pieces.of(SplitPreTokenizer.ofRegex(regex, SplitDelimiterBehavior.REMOVED, true), text))
        .containsExactly("How@[0,3]", "are@[4,7]", "you@[8,11]", "doing@[12,17]", "?@[17,18]");
    assertThat(Pieces.of(SplitPreTokenizer.ofRegex(regex, SplitDelimiterBehavior.MERGED_WITH_PREVIOUS, true), text))
        .containsExactly("How @[0,4]", "are @[4,8]", "you @[8,12]", "doing@[12,17]", "?@[17,18]");
    assertThat(Pieces.of(SplitPreTokenizer.ofRegex(regex, SplitDelimiterBehavior.CONTIGUOUS, true), text))
        .containsExactly("How@[0,3]", " @[3,4]", "are@[4,7]", " @[7,8]", "you@[8,11]", " @[11,12]", "doing?@[12,18]");
  }

  @Test
  void invertOnAStringEqualsRemovingTheComplement() {
    assertThat(Pieces.of(SplitPreTokenizer.ofString("Hello", SplitDelimiterBehavior.REMOVED, true), "Hello Hello"))
        .containsExactly("Hello@[0,5]", "Hello@[6,11]");
  }

  @Test
  void literalIsNotARegex() {
    assertThat(Pieces.of(SplitPreTokenizer.ofString(".", SplitDelimiterBehavior.REMOVED, false), "a.b"))
        .containsExactly("a@[0,1]", "b@[2,3]");
  }

  @Test
  void emptyTextHasNoPieces() {
    assertThat(Pieces.of(SplitPreTokenizer.ofRegex("\\s+", SplitDelimiterBehavior.ISOLATED, false), ""))
        .isEmpty();
  }
}
