package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reference's documented example: splitting {@code the-final--countdown} on {@code -}. */
class SplitDelimiterBehaviorTest {
  private static String split(SplitDelimiterBehavior b) {
    return String.join(
        " ",
        Pieces.of(SplitPreTokenizer.ofString("-", b, false), "the-final--countdown").stream()
            .map(p -> p.substring(0, p.indexOf('@')))
            .toArray(String[]::new));
  }

  @Test
  void eachBehavior() {
    assertThat(split(SplitDelimiterBehavior.REMOVED)).isEqualTo("the final countdown");
    assertThat(split(SplitDelimiterBehavior.ISOLATED)).isEqualTo("the - final - - countdown");
    assertThat(split(SplitDelimiterBehavior.MERGED_WITH_PREVIOUS)).isEqualTo("the- final- - countdown");
    assertThat(split(SplitDelimiterBehavior.MERGED_WITH_NEXT)).isEqualTo("the -final - -countdown");
    assertThat(split(SplitDelimiterBehavior.CONTIGUOUS)).isEqualTo("the - final -- countdown");
  }

  @Test
  void jsonNames() {
    assertThat(SplitDelimiterBehavior.fromJsonName("MergedWithNext"))
        .isEqualTo(SplitDelimiterBehavior.MERGED_WITH_NEXT);
    assertThat(SplitDelimiterBehavior.fromJsonName("merged_with_next")).isNull();
  }
}
