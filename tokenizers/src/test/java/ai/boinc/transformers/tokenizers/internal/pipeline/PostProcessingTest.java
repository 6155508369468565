package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostProcessingTest {
  static Encoding seq(int n, int first) {
    int[] ids = new int[n];
    String[] tokens = new String[n];
    int[] offsets = new int[2 * n];
    for (int i = 0; i < n; i++) {
      ids[i] = first + i;
      tokens[i] = "t" + (first + i);
      offsets[2 * i] = i;
      offsets[2 * i + 1] = i + 1;
    }
    return Encoding.builder().ids(ids).tokens(tokens).offsets(offsets).sequenceIds(new int[n]).build();
  }

  private static int[] lengths(Encoding a, Encoding b, int max) {
    Encoding[] cut = PostProcessing.truncatePair(a, b, max, Truncation.toMaxLength(max));
    return new int[] {cut[0].size(), cut[1].size()};
  }

  /** The table of the reference's truncate_encodings_longest_first test. */
  @Test
  void longestFirstSplitsAsTheReference() {
    int[] sizes = {0, 2, 4, 8};
    int[][][] expected = {
      {{0, 0}, {0, 2}, {0, 4}, {0, 7}},
      {{2, 0}, {2, 2}, {2, 4}, {2, 5}},
      {{4, 0}, {4, 2}, {3, 4}, {3, 4}},
      {{7, 0}, {5, 2}, {4, 3}, {3, 4}}
    };
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(lengths(seq(sizes[i], 0), seq(sizes[j], 100), 7))
            .as("%d + %d", sizes[i], sizes[j])
            .containsExactly(expected[i][j]);
      }
    }
  }

  @Test
  void onlyStrategiesFailAsTheReference() {
    Truncation second =
        Truncation.newBuilder().maxLength(3).strategy(Truncation.Strategy.ONLY_SECOND).build();
    assertThatThrownBy(() -> PostProcessing.truncatePair(seq(5, 0), null, 3, second))
        .hasMessageContaining("Second sequence not provided");
    Truncation first =
        Truncation.newBuilder().maxLength(3).strategy(Truncation.Strategy.ONLY_FIRST).build();
    assertThatThrownBy(() -> PostProcessing.truncatePair(seq(2, 0), seq(5, 10), 3, first))
        .hasMessageContaining("too short");
    Encoding[] cut = PostProcessing.truncatePair(seq(5, 0), seq(2, 10), 3, first);
    assertThat(cut[0].size()).isEqualTo(1);
    assertThat(cut[1].size()).isEqualTo(2);
  }

  @Test
  void pairWindowsNestAsTheReference() {
    // a = [0 1 2 3] cut to 2 -> window [2 3]; b = [10 11 12] cut to 2 -> window [12].
    Encoding a = EncodingSlices.truncate(seq(4, 0), 2, 0, Truncation.Direction.RIGHT);
    Encoding b = EncodingSlices.truncate(seq(3, 10), 2, 0, Truncation.Direction.RIGHT);
    Encoding e =
        PostProcessing.apply(a, b, PostProcessingTest::concat, 0, Optional.empty(), Optional.empty());
    assertThat(e.ids()).containsExactly(0, 1, 10, 11);
    List<Encoding> ov = e.overflowing();
    assertThat(ov).hasSize(3);
    assertThat(ov.get(0).ids()).containsExactly(2, 3, 10, 11);
    assertThat(ov.get(0).overflowing()).hasSize(1);
    assertThat(ov.get(0).overflowing().get(0).ids()).containsExactly(2, 3, 12);
    assertThat(ov.get(1).ids()).containsExactly(2, 3, 12);
    assertThat(ov.get(2).ids()).containsExactly(0, 1, 12);
    assertThat(ov.get(2).overflowing().get(0).ids()).containsExactly(2, 3, 12);
  }

  @Test
  void batchPaddingUsesTheLongestRoundedUp() {
    Padding p = Padding.newBuilder().padToMultipleOf(4).padId(9).build();
    List<Encoding> out = PostProcessing.padBatch(List.of(seq(2, 0), seq(5, 0)), p);
    assertThat(out.get(0).ids()).containsExactly(0, 1, 9, 9, 9, 9, 9, 9);
    assertThat(out.get(1).size()).isEqualTo(8);
  }

  /** Plain concatenation with sequence ids 0 and 1. */
  private static Encoding concat(Encoding a, Encoding b) {
    if (b == null) {
      return a;
    }
    int n = a.size() + b.size();
    int[] ids = new int[n];
    String[] tokens = new String[n];
    int[] seqs = new int[n];
    for (int i = 0; i < n; i++) {
      boolean first = i < a.size();
      ids[i] = first ? a.id(i) : b.id(i - a.size());
      tokens[i] = first ? a.token(i) : b.token(i - a.size());
      seqs[i] = first ? 0 : 1;
    }
    return Encoding.builder().ids(ids).tokens(tokens).sequenceIds(seqs).build();
  }
}
