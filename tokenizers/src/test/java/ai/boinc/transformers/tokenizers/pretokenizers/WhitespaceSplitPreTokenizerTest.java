package ai.boinc.transformers.tokenizers.pretokenizers;

import static ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizerTest.pieces;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhitespaceSplitPreTokenizerTest {
  @Test
  void splitsOnUnicodeWhitespaceOnly() {
    assertThat(pieces(new WhitespaceSplitPreTokenizer(), " a,b\t c\u00A0d\u200Be "))
        .containsExactly("a,b@1-4", "c@6-7", "d\u200Be@8-11");
  }

  @Test
  void onlyWhitespaceGivesNothing() {
    assertThat(pieces(new WhitespaceSplitPreTokenizer(), " \n\t ")).isEmpty();
  }
}
