package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.CharSplits;
import ai.boinc.transformers.tokenizers.internal.Text;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link WhitespaceSplitPreTokenizer}'s unit-by-unit scanner gives exactly the pieces of the
 * general character splitter, on arbitrary Unicode (every whitespace character, lone surrogates,
 * any plane), from plain, sliced and already rewritten strings. Replay a failure with {@code
 * -DQT_SEED=<seed>}.
 */
class WhitespaceSplitPreTokenizerPropertyTest {
  private static Gen<String> anyText() {
    Gen<String> piece =
        Generate.pick(
                List.of(" ", "\t", "\n", "\u000b", "\f", "\r", "\u0085", "\u00a0", "\u1680",
                    "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
                    "a", "Hello", "\ud83d\ude00", "\ud800", "\udc00", "\u2581"))
            .mix(strings().allPossible().ofLengthBetween(0, 3), 30)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 5), 30);
    return lists().of(piece).ofSizeBetween(0, 14).map(parts -> String.join("", parts));
  }

  private static NormalizedString start(String text, int how) {
    switch (how) {
      case 0:
        return NormalizedString.of(text);
      case 1:
        return NormalizedString.of("x " + text + " y").slice(2, 2 + text.length());
      default:
        NormalizedString s = NormalizedString.of(text);
        s.prepend("\u2581");
        return s;
    }
  }

  private static String describe(List<NormalizedString> pieces) {
    StringBuilder b = new StringBuilder();
    for (NormalizedString p : pieces) {
      b.append('[').append(p.normalized()).append('|').append(p.original()).append('|')
          .append(p.originalStart());
      for (int i = 0; i < p.length(); i++) {
        int[] o = p.toOriginal(i, i + 1);
        b.append(' ').append(o[0]).append('-').append(o[1]);
      }
      b.append(']');
    }
    return b.toString();
  }

  @Test
  void scannerGivesTheGeneralSplittersPieces() {
    qt().withExamples(3000)
        .forAll(anyText(), integers().between(0, 2))
        .checkAssert(
            (text, how) ->
                assertThat(describe(WhitespaceSplitPreTokenizer.words(start(text, how))))
                    .isEqualTo(
                        describe(CharSplits.removed(start(text, how), Text::isWhiteSpace))));
  }
}
