package ai.boinc.transformers.tokenizers.internal.regex;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharSplitsTest {
  private static List<String> texts(List<NormalizedString> pieces) {
    List<String> out = new ArrayList<>();
    pieces.forEach(p -> out.add(p.normalized()));
    return out;
  }

  @Test
  void behaviours() {
    NormalizedString s = NormalizedString.of("the-final--countdown");
    assertThat(texts(CharSplits.removed(s, c -> c == '-'))).containsExactly("the", "final", "countdown");
    assertThat(texts(CharSplits.isolated(s, c -> c == '-')))
        .containsExactly("the", "-", "final", "-", "-", "countdown");
    assertThat(texts(CharSplits.mergedWithNext(s, c -> c == '-')))
        .containsExactly("the", "-final", "-", "-countdown");
    assertThat(texts(CharSplits.mergedWithNext(NormalizedString.of("a-"), c -> c == '-')))
        .containsExactly("a", "-");
  }
}
