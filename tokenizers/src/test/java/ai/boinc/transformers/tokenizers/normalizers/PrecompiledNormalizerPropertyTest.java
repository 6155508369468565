package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.internal.text.Graphemes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The fast path of {@link PrecompiledNormalizer#normalize} (one-character clusters looked up in a
 * table, one-for-one replacements written in place) gives exactly what the reference's
 * cluster-by-cluster algorithm ({@link PrecompiledNormalizer#normalizeByClusters}) gives: the same
 * text and the same span of original text for every unit, on arbitrary Unicode, from plain,
 * sliced and already rewritten strings. QuickTheories prints the seed of a failing run; replay it
 * with {@code -DQT_SEED=<seed>}.
 */
class PrecompiledNormalizerPropertyTest {
  private static final int EXAMPLES = 3000;

  private static final List<PrecompiledNormalizer> NORMALIZERS =
      List.of(
          t5(),
          // "a" becomes one unit, several units, nothing, an astral character.
          new PrecompiledNormalizer(PrecompiledNormalizerTest.oneKeyCharsmap(0, "A\0")),
          new PrecompiledNormalizer(PrecompiledNormalizerTest.oneKeyCharsmap(0, "XY\0")),
          new PrecompiledNormalizer(PrecompiledNormalizerTest.oneKeyCharsmap(0, "\0")),
          new PrecompiledNormalizer(PrecompiledNormalizerTest.oneKeyCharsmap(0, "\uD835\uDFD9\0")));

  private static PrecompiledNormalizer t5() {
    try {
      String b64 =
          new ObjectMapper()
              .readTree(Fixtures.tokenizerDir("t5-small").resolve("tokenizer.json").toFile())
              .get("normalizer")
              .get("precompiled_charsmap")
              .textValue();
      return new PrecompiledNormalizer(Base64.getDecoder().decode(b64));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Gen<String> anyText() {
    return TextGens.texts(
        List.of(" ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u200b", "\u200d",
                    "\u0301", "e\u0301", "a\u0301\u0301", "\u2026", "\ufb01", "\u2460", "\uff21",
                    "\u00b4", "a", "Hello", "\u1100\u1161\u11a8", "\uac00\u11a8", "\u0600a",
                    "\u0e33", "\u0915\u093f", "\ud83c\uddef\ud83c\uddf5", "\ud835\udfd9", "\u0000",
                    "\u001e", "\ud800", "\udc00", "\ud83d\ude00\u200d\ud83d\ude00", "\ufeff",
                    "\u00e9", "\u4e2d\u6587", "\u041f\u0440\u0438"),
        16);
  }

  /** The text and the original span of every unit. */
  private static List<String> snapshot(NormalizedString s) {
    List<String> out = new ArrayList<>();
    out.add(s.normalized());
    for (int i = 0; i < s.length(); i++) {
      int[] o = s.toOriginal(i, i + 1);
      out.add(o[0] + "-" + o[1]);
    }
    return out;
  }

  @Test
  void fastPathEqualsTheClusterByClusterAlgorithm() {
    qt().withExamples(EXAMPLES)
        .forAll(
            anyText(),
            integers().between(0, NORMALIZERS.size() - 1),
            integers().between(0, 2))
        .checkAssert(
            (text, which, how) -> {
              PrecompiledNormalizer n = NORMALIZERS.get(which);
              NormalizedString fast = TextGens.start(text, how, "\u2581");
              NormalizedString general = TextGens.start(text, how, "\u2581");
              n.normalize(fast);
              n.normalizeByClusters(general);
              assertThat(snapshot(fast)).isEqualTo(snapshot(general));
            });
  }

  /** Whether the fast path would take {@code s[0]} as a cluster of its own. */
  private static boolean fastAlone(String s) {
    byte[] flags = PrecompiledNormalizer.Clusters.FLAGS;
    return (flags[s.charAt(0)] & PrecompiledNormalizer.Clusters.ALONE) != 0
        && (s.length() == 1 || (flags[s.charAt(1)] & PrecompiledNormalizer.Clusters.JOINS) == 0);
  }

  @Test
  void theClusterTableAgreesWithGraphemesForEveryUnitBeforeEveryKindOfCharacter() {
    // One character of each grapheme property (and a few of the exceptions Graphemes lists).
    List<String> next =
        List.of("", "a", "\n", "\r", "\u0001", "\u00ad", "\u0300", "\u0903", "\u0600", "\u1100",
            "\u1160", "\u11a8", "\uac00", "\uac01", "\u200c", "\u200d", "\u0e33", "\u09be",
            "\u102b", "\uff9e", "\u2060", "\ud83c\udffb", "\ud83c\udde6", "\udb40\udc20",
            "\ud804\udcbd", "\ud800", "\udc00");
    for (int c = 0; c < 0x10000; c++) {
      for (String y : next) {
        String s = (char) c + y;
        if (fastAlone(s)) {
          assertThat(Graphemes.clusterEnd(s, 0)).as("U+%04X before %s", c, y).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void theClusterTableAgreesWithGraphemesOnAnyPair() {
    qt().withExamples(20_000)
        .forAll(integers().between(0, 0xFFFF), integers().between(0, Character.MAX_CODE_POINT))
        .checkAssert(
            (c, next) -> {
              String s = (char) (int) c + new String(Character.toChars(next));
              if (fastAlone(s)) {
                assertThat(Graphemes.clusterEnd(s, 0)).isEqualTo(1);
              }
            });
  }
}
