package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequencePreTokenizerTest {
  @Test
  void runsInOrder() {
    PreTokenizer p =
        new SequencePreTokenizer(
            List.of(
                SplitPreTokenizer.ofRegex("\\p{N}", SplitDelimiterBehavior.ISOLATED, false),
                new ByteLevelPreTokenizer(false, false)));
    assertThat(Pieces.of(p, "a 12")).containsExactly("a\u0120@[0,2]", "1@[2,3]", "2@[3,4]");
  }
}
