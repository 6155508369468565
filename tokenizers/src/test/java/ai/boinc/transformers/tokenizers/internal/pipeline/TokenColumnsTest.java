package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns grow past their first capacity, keep order, and replay what they received. */
class TokenColumnsTest {
  @Test
  void growsAndReplaysInOrder() {
    TokenColumns c = new TokenColumns(1);
    int[] firstIds = c.ids();
    for (int i = 0; i < 100; i++) {
      c.token(i, "t" + i, i, i + 1);
    }
    assertThat(c.size()).isEqualTo(100);
    assertThat(c.ids()[99]).isEqualTo(99);
    assertThat(c.values()[42]).isEqualTo("t42");
    assertThat(c.offsets()[2 * 7 + 1]).isEqualTo(8);
    assertThat(firstIds[0]).isZero(); // an outgrown array keeps what it held
    List<String> replayed = new ArrayList<>();
    c.replay((id, value, start, end) -> replayed.add(id + value + start + end));
    assertThat(replayed).hasSize(100).startsWith("0t001").endsWith("99t9999100");
  }
}
