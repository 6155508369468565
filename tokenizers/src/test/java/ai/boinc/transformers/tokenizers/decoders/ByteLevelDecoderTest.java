package ai.boinc.transformers.tokenizers.decoders;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLevelDecoderTest {
  private final ByteLevelDecoder decoder = new ByteLevelDecoder();

  @Test
  void bytesAreJoinedAcrossTokens() {
    assertThat(decoder.decode(List.of("Hello", "\u0120my", "\u0120friend", ",")))
        .isEqualTo("Hello my friend,");
    // One character split over two tokens.
    assertThat(decoder.decode(List.of("\u00e4\u00b8", "\u0143"))).isEqualTo("\u4e2d");
  }

  @Test
  void invalidUtf8BecomesReplacementCharacters() {
    assertThat(decoder.decode(List.of("\u00e4\u00b8", "a"))).isEqualTo("\ufffda");
    // An encoded surrogate (ED A0 80) is three invalid pieces, as in Rust.
    String surrogate =
        new String(
            new char[] {
              ByteLevelAlphabet.charOf(0xED), ByteLevelAlphabet.charOf(0xA0), ByteLevelAlphabet.charOf(0x80)
            });
    assertThat(decoder.decode(List.of(surrogate))).isEqualTo("\ufffd\ufffd\ufffd");
  }

  @Test
  void tokensOutsideTheAlphabetKeepTheirText() {
    assertThat(decoder.decode(List.of("<|endoftext|>", "\u4e2d", "a"))).isEqualTo("<|endoftext|>\u4e2da");
  }
}
