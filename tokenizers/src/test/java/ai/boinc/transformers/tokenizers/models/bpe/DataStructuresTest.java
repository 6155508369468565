package ai.boinc.transformers.tokenizers.models.bpe;

import ai.boinc.transformers.tokenizers.internal.text.Text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataStructuresTest {
  @Test
  void longLongMapStoresAndOverwrites() {
    LongLongMap m = new LongLongMap(1000);
    for (int i = 0; i < 1000; i++) {
      m.put(LongLongMap.pack(i, i * 7), i);
    }
    m.put(LongLongMap.pack(3, 21), 99);
    assertThat(m.size()).isEqualTo(1000);
    assertThat(m.get(LongLongMap.pack(3, 21), -1)).isEqualTo(99);
    assertThat(m.get(LongLongMap.pack(500, 3500), -1)).isEqualTo(500);
    assertThat(m.get(LongLongMap.pack(3, 22), -1)).isEqualTo(-1);
  }

  @Test
  void mergeQueuePopsByRankThenPosition() {
    Random random = new Random(42);
    MergeQueue q = new MergeQueue();
    PriorityQueue<long[]> reference =
        new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (int i = 0; i < 500; i++) {
      int rank = random.nextInt(50);
      int pos = random.nextInt(100);
      q.push(rank, pos, rank * 1000 + pos);
      reference.add(new long[] {rank, pos});
    }
    List<Integer> got = new ArrayList<>();
    List<Integer> want = new ArrayList<>();
    while (!q.isEmpty()) {
      got.add(q.topNewId());
      q.pop();
      long[] r = reference.poll();
      want.add((int) (r[0] * 1000 + r[1]));
    }
    assertThat(got).isEqualTo(want);
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    assertThat(Text.replaceLoneSurrogates("a\uD800b\uDC00😀\uD83D"))
        .isEqualTo("a\uFFFDb\uFFFD😀\uFFFD");
    String clean = "plain";
    assertThat(Text.replaceLoneSurrogates(clean)).isSameAs(clean);
  }
}
