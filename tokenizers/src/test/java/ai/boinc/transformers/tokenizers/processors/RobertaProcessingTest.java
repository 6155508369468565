package ai.boinc.transformers.tokenizers.processors;

import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.encoding;
import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.offsets;
import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases from the reference's roberta.rs tests. */
class RobertaProcessingTest {
  private final RobertaProcessing roberta = new RobertaProcessing("</s>", 2, "<s>", 0, true, true);
  private final Encoding hello = encoding(0, new String[] {"Hello", "there"}, 0, 5, 6, 11);
  private final Encoding pair = encoding(1, new String[] {"pair"}, 0, 4);

  @Test
  void single() {
    Encoding e = roberta.process(List.of(hello), true);
    assertThat(e.tokens()).containsExactly("<s>", "Hello", "there", "</s>");
    assertThat(e.ids()).containsExactly(0, 10, 11, 2);
    assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1);
    assertThat(offsets(e)).isEqualTo("[0,0][0,5][6,11][0,0]");
    assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1);
  }

  @Test
  void pairHasDoubleSeparatorAndOnlyTypeIdZero() {
    Encoding e = roberta.process(List.of(hello, pair), true);
    assertThat(e.tokens()).containsExactly("<s>", "Hello", "there", "</s>", "</s>", "pair", "</s>");
    assertThat(e.typeIds()).containsOnly(0);
    assertThat(e.specialTokensMask()).containsExactly(1, 0, 0, 1, 1, 0, 1);
    assertThat(e.sequenceIds()).containsExactly(-1, 0, 0, -1, -1, 1, -1);
    assertThat(roberta.addedTokens(true)).isEqualTo(4);
  }

  @Test
  void withoutSpecialTokens() {
    Encoding e = roberta.process(List.of(hello, pair), false);
    assertThat(e.tokens()).containsExactly("Hello", "there", "pair");
    assertThat(e.typeIds()).containsOnly(0);
    assertThat(offsets(e)).isEqualTo("[0,5][6,11][0,4]");
  }

  @Test
  void trimsOffsets() {
    Encoding spaced = encoding(0, new String[] {"a", "\u0120b"}, 0, 1, 1, 3);
    assertThat(offsets(roberta.process(List.of(spaced), false))).isEqualTo("[0,1][2,3]");
    RobertaProcessing untrimmed = new RobertaProcessing("</s>", 2, "<s>", 0, false, true);
    assertThat(offsets(untrimmed.process(List.of(spaced), false))).isEqualTo("[0,1][1,3]");
  }
}
