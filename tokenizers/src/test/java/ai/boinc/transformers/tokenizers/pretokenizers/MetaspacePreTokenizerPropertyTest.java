package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer.PrependScheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The fast paths of {@link MetaspacePreTokenizer} (spaces replaced in place, a piece kept whole
 * instead of sliced) give exactly the pieces of the general path: same texts, same original text
 * and start, same span for every unit, on arbitrary Unicode and any configuration, from plain,
 * sliced and already rewritten strings. Replay a failure with {@code -DQT_SEED=<seed>}.
 */
class MetaspacePreTokenizerPropertyTest {
  private static Gen<String> anyText() {
    return TextGens.texts(
        List.of(" ", "  ", "\u2581", "\u2581\u2581", "a", "Hello", "\t", "\u00a0", "_",
                    "\ud83d\ude00", "\ud800", "\udc00", "\u0301", "\u65e5\u672c"),
        12);
  }

  private static List<String> describe(List<NormalizedString> pieces) {
    List<String> out = new ArrayList<>();
    for (NormalizedString p : pieces) {
      StringBuilder b = new StringBuilder();
      b.append(p.normalized()).append('|').append(p.original()).append('|')
          .append(p.originalStart());
      for (int i = 0; i < p.length(); i++) {
        int[] o = p.toOriginal(i, i + 1);
        b.append(' ').append(o[0]).append('-').append(o[1]);
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void fastPathsGiveTheGeneralPathsPieces() {
    int[] replacements = {0x2581, '_', ' ', 0x1F600};
    PrependScheme[] schemes = PrependScheme.values();
    Gen<MetaspacePreTokenizer> config =
        integers()
            .between(0, 2 * schemes.length * replacements.length - 1)
            .map(
                i ->
                    new MetaspacePreTokenizer(
                        replacements[i % replacements.length],
                        schemes[(i / replacements.length) % schemes.length],
                        i >= schemes.length * replacements.length));
    qt().withExamples(3000)
        .forAll(anyText(), config, integers().between(0, 2))
        .checkAssert(
            (text, m, how) -> {
              List<String> fast = describe(m.pieces(TextGens.start(text, how, "#"), true));
              List<String> general = describe(m.pieces(TextGens.start(text, how, "#"), false));
              assertThat(fast).as("%s", m).isEqualTo(general);
            });
  }
}
