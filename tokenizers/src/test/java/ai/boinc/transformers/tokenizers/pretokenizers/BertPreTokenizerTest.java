package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertPreTokenizerTest {
  /** Pieces as "text@start-end" in the original text. */
  static List<String> pieces(PreTokenizer p, String text) {
    PreTokenizedString s = PreTokenizedString.of(text);
    p.preTokenize(s);
    List<String> out = new ArrayList<>();
    for (PreTokenizedString.Split split : s.splits()) {
      out.add(
          split.normalized().normalized() + "@" + split.normalized().originalStart() + "-"
              + split.normalized().originalEnd());
    }
    return out;
  }

  @Test
  void splitsOnWhitespaceAndIsolatesPunctuation() {
    assertThat(pieces(new BertPreTokenizer(), "Hey friend!     How are you?!?"))
        .containsExactly(
            "Hey@0-3", "friend@4-10", "!@10-11", "How@16-19", "are@20-23", "you@24-27",
            "?@27-28", "!@28-29", "?@29-30");
  }

  @Test
  void asciiSymbolsCountAsPunctuation() {
    assertThat(pieces(new BertPreTokenizer(), "a+b$c`d")).hasSize(7);
  }

  @Test
  void unicodeWhitespaceAndPunctuation() {
    assertThat(pieces(new BertPreTokenizer(), "a\u3000b\u2028c„d"))
        .containsExactly("a@0-1", "b@2-3", "c@4-5", "„@5-6", "d@6-7");
  }
}
