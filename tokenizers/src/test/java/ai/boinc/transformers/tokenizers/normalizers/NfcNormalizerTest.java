package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import org.junit.jupiter.api.Test;

/** Alignments as the reference gives them (checked with its Node binding). */
class NfcNormalizerTest {
  private final NfcNormalizer nfc = new NfcNormalizer();

  @Test
  void composedCharacterTakesTheSpanOfItsBaseOnly() {
    NormalizedString s = Spans.normalize(nfc, "e\u0301x");
    assertThat(s.normalized()).isEqualTo("\u00e9x");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[2,3]");
  }

  @Test
  void alreadyComposedTextIsUnchanged() {
    NormalizedString s = Spans.normalize(nfc, "\u00e9x\ud83d\ude00");
    assertThat(s.normalized()).isEqualTo("\u00e9x\ud83d\ude00");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[1,2]", "[2,4]");
  }

  @Test
  void marksAreReorderedAndBlockedOnesStay() {
    NormalizedString s = Spans.normalize(nfc, "a\u0301\u0316b");
    assertThat(s.normalized()).isEqualTo("\u00e1\u0316b");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[2,3]", "[3,4]");
  }

  @Test
  void conjoiningJamoComposeIntoOneSyllable() {
    NormalizedString s = Spans.normalize(nfc, "\u1100\u1161\u11a8z");
    assertThat(s.normalized()).isEqualTo("\uac01z");
    assertThat(Spans.of(s)).containsExactly("[0,1]", "[3,4]");
  }

  @Test
  void singletonsAreReplaced() {
    assertThat(nfc.normalize("\u212b\u2126")).isEqualTo("\u00c5\u03a9");
  }
}
