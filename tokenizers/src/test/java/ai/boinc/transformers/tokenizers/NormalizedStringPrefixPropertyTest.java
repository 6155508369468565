package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizers.normalizers.BertNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.LowercaseNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfdNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfkcNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.normalizers.StripAccentsNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.StripNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link NormalizedString#prepend} keeps implicit alignments implicit (the prepended units align
 * with the first character without a per-unit array) and {@link NormalizedString#transform} reads
 * them without building the array first; on arbitrary Unicode both must map every range and slice
 * exactly as the same string with explicit alignments does. QuickTheories prints
 * the seed of a failure; replay it with {@code -DQT_SEED=<seed>}.
 */
class NormalizedStringPrefixPropertyTest {
  private static Gen<String> texts() {
    Gen<String> piece =
        strings().allPossible().ofLengthBetween(0, 3)
            .mix(Generate.pick(List.of("😀", "\uD800", "\uDC00", " ", "é", "a")), 40)
            .mix(integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 20);
    return lists().of(piece).ofSizeBetween(0, 6).map(parts -> String.join("", parts));
  }

  /** {@code text} with its alignments made explicit (a one-for-one rewrite that names sources). */
  private static NormalizedString explicit(String text) {
    NormalizedString s = NormalizedString.of(text);
    int[] from = new int[text.length()];
    for (int i = 0; i < from.length; i++) {
      from[i] = i;
    }
    s.rewriteUnits(text.toCharArray(), text.length(), from);
    return s;
  }

  @Test
  void implicitPrefixMapsAsExplicitAlignments() {
    qt().withExamples(3000)
        .forAll(texts(), Generate.pick(List.of("\u2581", "ab", "😀")), integers().between(0, 3))
        .checkAssert(
            (text, prefix, times) -> {
              NormalizedString implicit = NormalizedString.of(text);
              NormalizedString expected = explicit(text);
              for (int t = 0; t < times; t++) {
                implicit.prepend(prefix);
                expected.prepend(prefix);
              }
              // A one-for-one rewrite after the prefix (as Replace " " -> ▁ does).
              char[] units = implicit.normalized().replace(' ', '\u2581').toCharArray();
              implicit.rewriteUnits(units, units.length, null);
              expected.rewriteUnits(units.clone(), units.length, null);
              same(implicit, expected);
              int n = implicit.length();
              // Non-empty slices: an empty one maps to its own index, which may lie past the
              // original text (then both fail alike).
              for (int s = 0; s < n; s++) {
                for (int e = s + 1; e <= n; e++) {
                  same(implicit.slice(s, e), expected.slice(s, e));
                }
              }
            });
  }

  @Test
  void rewritesOfImplicitAlignmentsMapAsOfExplicitOnes() {
    List<Normalizer> normalizers =
        List.of(
            new BertNormalizer(true, true, null, true),
            new NfdNormalizer(),
            new NfkcNormalizer(),
            new LowercaseNormalizer(),
            new StripAccentsNormalizer(),
            new StripNormalizer(true, true));
    qt().withExamples(1500)
        .forAll(texts(), Generate.booleans())
        .checkAssert(
            (text, prepend) -> {
              for (Normalizer normalizer : normalizers) {
                NormalizedString implicit = NormalizedString.of(text);
                NormalizedString expected = explicit(text);
                if (prepend) {
                  implicit.prepend("\u2581");
                  expected.prepend("\u2581");
                }
                normalizer.normalize(implicit);
                normalizer.normalize(expected);
                same(implicit, expected);
              }
            });
  }

  private static void same(NormalizedString a, NormalizedString b) {
    assertThat(a.normalized()).isEqualTo(b.normalized());
    assertThat(a.original()).isEqualTo(b.original());
    assertThat(a.originalStart()).isEqualTo(b.originalStart());
    int n = a.length();
    for (int s = 0; s <= n; s++) {
      for (int e = s; e <= n; e++) {
        assertThat(a.toOriginal(s, e)).as("[%s, %s) of %s", s, e, b).containsExactly(b.toOriginal(s, e));
      }
    }
  }
}
