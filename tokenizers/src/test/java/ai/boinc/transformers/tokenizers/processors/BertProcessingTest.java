package ai.boinc.transformers.tokenizers.processors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertProcessingTest {
  private static Encoding seq(int... ids) {
    String[] tokens = new String[ids.length];
    int[] offsets = new int[2 * ids.length];
    for (int i = 0; i < ids.length; i++) {
      tokens[i] = "t" + ids[i];
      offsets[2 * i] = i;
      offsets[2 * i + 1] = i + 1;
    }
    return Encoding.builder().ids(ids).tokens(tokens).offsets(offsets).build();
  }

  private final BertProcessing bert = new BertProcessing("[SEP]", 102, "[CLS]", 101);

  @Test
  void singleAndPair() {
    Encoding single = bert.process(List.of(seq(7, 8)), true);
    assertThat(single.ids()).containsExactly(101, 7, 8, 102);
    assertThat(single.specialTokensMask()).containsExactly(1, 0, 0, 1);
    Encoding pair = bert.process(List.of(seq(7), seq(9)), true);
    assertThat(pair.ids()).containsExactly(101, 7, 102, 9, 102);
    assertThat(pair.typeIds()).containsExactly(0, 0, 0, 1, 1);
    assertThat(pair.sequenceIds()).containsExactly(-1, 0, -1, 1, -1);
    assertThat(bert.addedTokens(false)).isEqualTo(2);
    assertThat(bert.addedTokens(true)).isEqualTo(3);
  }

  @Test
  void withoutSpecialTokensTheTypeIdsStay() {
    Encoding pair = bert.process(List.of(seq(7), seq(9)), false);
    assertThat(pair.ids()).containsExactly(7, 9);
    assertThat(pair.typeIds()).containsExactly(0, 1);
  }

  @Test
  void clsAndSepSpelledAlikeKeepTheirIds() {
    BertProcessing same = new BertProcessing("<s>", 2, "<s>", 1);
    assertThat(same.process(List.of(seq(7)), true).ids()).containsExactly(1, 7, 2);
  }
}
