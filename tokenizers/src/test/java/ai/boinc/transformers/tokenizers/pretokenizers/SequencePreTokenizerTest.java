package ai.boinc.transformers.tokenizers.pretokenizers;

import static ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizerTest.pieces;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequencePreTokenizerTest {
  @Test
  void appliesInOrder() {
    SequencePreTokenizer seq =
        new SequencePreTokenizer(
            List.of(
                new WhitespaceSplitPreTokenizer(),
                new MetaspacePreTokenizer('▁', MetaspacePreTokenizer.PrependScheme.ALWAYS, true)));
    assertThat(pieces(seq, "Hey  you")).containsExactly("▁Hey@0-3", "▁you@5-8");
  }

  @Test
  void emptySequenceKeepsTheText() {
    assertThat(pieces(new SequencePreTokenizer(List.of()), "a b")).containsExactly("a b@0-3");
  }
}
