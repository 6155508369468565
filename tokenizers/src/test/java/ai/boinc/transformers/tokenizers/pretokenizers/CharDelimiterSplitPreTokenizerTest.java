package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected pieces checked against the reference (tokenizers@0.23.2, preTokenizeString). */
class CharDelimiterSplitPreTokenizerTest {
  @Test
  void delimiterIsRemoved() {
    PreTokenizer p = new CharDelimiterSplitPreTokenizer('_');
    assertThat(Pieces.of(p, "a_b__c_")).containsExactly("a@[0,1]", "b@[2,3]", "c@[5,6]");
    assertThat(Pieces.of(p, "_")).isEmpty();
    assertThat(Pieces.of(p, "a😀_b")).containsExactly("a😀@[0,3]", "b@[4,5]");
  }

  @Test
  void onlyThatCharacterNotOtherWhitespace() {
    assertThat(Pieces.of(new CharDelimiterSplitPreTokenizer(' '), "  Hey  man \u00a0 x"))
        .containsExactly("Hey@[2,5]", "man@[7,10]", "\u00a0@[11,12]", "x@[13,14]");
  }

  @Test
  void supplementaryDelimiter() {
    assertThat(Pieces.of(new CharDelimiterSplitPreTokenizer("😀".codePointAt(0)), "a😀b😀😀c😀"))
        .containsExactly("a@[0,1]", "b@[3,4]", "c@[8,9]");
  }

  @Test
  void rejectsNonCodePoints() {
    assertThatThrownBy(() -> new CharDelimiterSplitPreTokenizer(0x110000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
