package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphemesTest {
  private static List<String> clusters(String s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      int end = Graphemes.clusterEnd(s, i);
      out.add(s.substring(i, end));
      i = end;
    }
    return out;
  }

  @Test
  void marksJoinTheCharacterBefore() {
    assertThat(clusters("e\u0301a\u0308\u0323b")).containsExactly("e\u0301", "a\u0308\u0323", "b");
    assertThat(clusters("a\u200Db")).containsExactly("a\u200D", "b");
  }

  @Test
  void crLfIsOneClusterControlsStandAlone() {
    assertThat(clusters("a\r\n\n\rb\u0001\u0301")).containsExactly("a", "\r\n", "\n", "\r", "b", "\u0001", "\u0301");
  }

  @Test
  void hangulSyllableSequences() {
    assertThat(clusters("\u1100\u1161\u11A8가각")).containsExactly("\u1100\u1161\u11A8", "가", "각");
  }

  @Test
  void prependJoinsTheCharacterAfter() {
    assertThat(clusters("\u0600a b")).containsExactly("\u0600a", " ", "b");
  }

  @Test
  void regionalIndicatorsPairUp() {
    assertThat(clusters("🇺🇸🇫")).containsExactly("🇺🇸", "🇫");
  }
}
