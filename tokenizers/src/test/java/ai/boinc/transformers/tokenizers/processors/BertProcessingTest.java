package ai.boinc.transformers.tokenizers.processors;

import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.encoding;
import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertProcessingTest {
  private final BertProcessing bert = new BertProcessing("[SEP]", 102, "[CLS]", 101);

  @Test
  void pairGetsTypeIdOneWithItsSeparator() {
    Encoding e =
        bert.process(
            List.of(encoding(0, new String[] {"a"}, 0, 1), encoding(1, new String[] {"b"}, 0, 1)),
            true);
    assertThat(e.tokens()).containsExactly("[CLS]", "a", "[SEP]", "b", "[SEP]");
    assertThat(e.typeIds()).containsExactly(0, 0, 0, 1, 1);
    assertThat(e.specialTokensMask()).containsExactly(1, 0, 1, 0, 1);
    assertThat(bert.addedTokens(true)).isEqualTo(3);
    assertThat(bert.addedTokens(false)).isEqualTo(2);
  }

  @Test
  void withoutSpecialTokensTheSequencesFollowEachOther() {
    Encoding e =
        bert.process(
            List.of(encoding(0, new String[] {"a"}, 0, 1), encoding(1, new String[] {"b"}, 0, 1)),
            false);
    assertThat(e.tokens()).containsExactly("a", "b");
    assertThat(e.typeIds()).containsExactly(0, 1);
  }
}
