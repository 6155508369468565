package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ByteLevelAlphabetTest {
  @Test
  void gpt2Table() {
    assertThat(ByteLevelAlphabet.charOf(' ')).isEqualTo('\u0120');
    assertThat(ByteLevelAlphabet.charOf('\n')).isEqualTo('\u010a');
    assertThat(ByteLevelAlphabet.charOf('a')).isEqualTo('a');
    assertThat(ByteLevelAlphabet.charOf(0xAD)).isEqualTo('\u0143');
    assertThat(ByteLevelAlphabet.charOf(0xFF)).isEqualTo('\u00ff');
    Set<Character> seen = new HashSet<>();
    for (int b = 0; b < 256; b++) {
      char c = ByteLevelAlphabet.charOf(b);
      assertThat(seen.add(c)).isTrue();
      assertThat(ByteLevelAlphabet.byteOf(c)).isEqualTo(b);
    }
    assertThat(ByteLevelAlphabet.byteOf('\u4e2d')).isEqualTo(-1);
  }

  @Test
  void lossyDecodingReplacesMaximalInvalidSubparts() {
    byte[] b = {(byte) 0xE4, (byte) 0xB8, 'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0xFF, (byte) 0xC0, (byte) 0x80};
    assertThat(Utf8.decodeLossy(b, b.length)).isEqualTo("\ufffda\ud83d\ude00\ufffd\ufffd\ufffd");
  }
}
