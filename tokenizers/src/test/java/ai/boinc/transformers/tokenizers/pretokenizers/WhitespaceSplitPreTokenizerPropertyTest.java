package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.internal.regex.CharSplits;
import ai.boinc.transformers.tokenizers.internal.text.Text;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link WhitespaceSplitPreTokenizer}'s unit-by-unit scanner gives exactly the pieces of the
 * general character splitter, on arbitrary Unicode (every whitespace character, lone surrogates,
 * any plane), from plain, sliced and already rewritten strings. Replay a failure with {@code
 * -DQT_SEED=<seed>}.
 */
class WhitespaceSplitPreTokenizerPropertyTest {
  private static Gen<String> anyText() {
    return TextGens.texts(
        List.of(" ", "\t", "\n", "\u000b", "\f", "\r", "\u0085", "\u00a0", "\u1680",
                    "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
                    "a", "Hello", "\ud83d\ude00", "\ud800", "\udc00", "\u2581"),
        14);
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
                assertThat(describe(WhitespaceSplitPreTokenizer.words(TextGens.start(text, how, "\u2581"))))
                    .isEqualTo(
                        describe(CharSplits.removed(TextGens.start(text, how, "\u2581"), Text::isWhiteSpace))));
  }
}
