package ai.boinc.transformers.tokenizers.processors;

import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.encoding;
import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.offsets;
import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceProcessorTest {
  @Test
  void trimsThenAddsSpecialTokens() {
    SequenceProcessor p =
        new SequenceProcessor(
            List.of(
                new ByteLevelProcessor(true, false),
                new BertProcessing("[SEP]", 102, "[CLS]", 101)));
    Encoding e = p.process(List.of(encoding(0, new String[] {"\u0120a"}, 0, 2)), true);
    assertThat(e.tokens()).containsExactly("[CLS]", "\u0120a", "[SEP]");
    assertThat(offsets(e)).isEqualTo("[0,0][1,2][0,0]");
    assertThat(p.addedTokens(false)).isEqualTo(2);
  }
}
