package ai.boinc.transformers.tokenizers.processors;

import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.encoding;
import static ai.boinc.transformers.tokenizers.processors.ProcessorFixtures.offsets;
import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases from the reference's byte_level.rs processor tests. */
class ByteLevelProcessorTest {
  private static final String[] TOKENS = {"\u0120", "\u0120\u0120\u0120\u0120Hello\u0120\u0120", "\u0120\u0120Hello", "Hello\u0120\u0120", "\u0120\u0120\u0120\u0120"};
  private static final int[] OFFSETS = {0, 1, 0, 11, 11, 18, 18, 25, 25, 29};

  @Test
  void trimsSpacesFromOffsets() {
    Encoding e = new ByteLevelProcessor(true, false).process(List.of(encoding(0, TOKENS, OFFSETS)), true);
    assertThat(offsets(e)).isEqualTo("[1,1][4,9][13,18][18,23][29,29]");
  }

  @Test
  void keepsTheFirstAddedPrefixSpace() {
    Encoding e = new ByteLevelProcessor(true, true).process(List.of(encoding(0, TOKENS, OFFSETS)), true);
    // The leading space of the first token stays; as a trailing space it is still trimmed.
    assertThat(offsets(e)).isEqualTo("[0,0][4,9][13,18][18,23][29,29]");
  }

  @Test
  void withoutTrimmingNothingChangesAndAPairFollows() {
    Encoding a = encoding(0, new String[] {"\u0120a"}, 0, 2);
    Encoding b = encoding(1, new String[] {"b"}, 0, 1);
    Encoding e = new ByteLevelProcessor(false, true).process(List.of(a, b), true);
    assertThat(offsets(e)).isEqualTo("[0,2][0,1]");
    assertThat(e.typeIds()).containsExactly(0, 1);
    assertThat(e.sequenceIds()).containsExactly(0, 1);
    assertThat(new ByteLevelProcessor(true, true).addedTokens(true)).isZero();
  }
}
