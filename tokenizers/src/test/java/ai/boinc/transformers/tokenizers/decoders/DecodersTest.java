package ai.boinc.transformers.tokenizers.decoders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecodersTest {
  @Nested
  class ByteFallback {
    private final ByteFallbackDecoder d = new ByteFallbackDecoder();

    @Test
    void bytesOfOneCharacterBecomeThatCharacter() {
      assertThat(d.decodeChain(List.of("a", "<0xE2>", "<0x82>", "<0xAC>", "b")))
          .containsExactly("a", "€", "b");
    }

    @Test
    void invalidUtf8GivesOneReplacementCharacterPerByte() {
      assertThat(d.decodeChain(List.of("<0xE2>", "<0x82>", "x")))
          .containsExactly("\uFFFD", "\uFFFD", "x");
    }

    @Test
    void encodedSurrogatesAreInvalid() {
      assertThat(d.decodeChain(List.of("<0xED>", "<0xA0>", "<0x80>"))).hasSize(3);
    }

    @Test
    void onlyExactByteTokensCount() {
      assertThat(d.decodeChain(List.of("<0x4>", "<0x41>>", "<0xZZ>", "<0x41>")))
          .containsExactly("<0x4>", "<0x41>>", "<0xZZ>", "A");
      // Rust's u8::from_str_radix accepts a sign.
      assertThat(ByteFallbackDecoder.byteOf("<0x+A>")).isEqualTo(10);
      assertThat(ByteFallbackDecoder.byteOf("<0xff>")).isEqualTo(255);
    }
  }

  @Nested
  class Strip {
    @Test
    void stripsUpToTheGivenCountsPerToken() {
      StripDecoder d = new StripDecoder(' ', 1, 0);
      assertThat(d.decodeChain(List.of("  a ", " b", "c"))).containsExactly(" a ", "b", "c");
      assertThat(new StripDecoder('x', 2, 2).decodeChain(List.of("xxxaxxx")))
          .containsExactly("xax");
    }

    @Test
    void overlappingCutsAndEmptyTokensGiveEmptyText() {
      assertThat(new StripDecoder(' ', 1, 1).decodeChain(List.of(" ", ""))).containsExactly("", "");
    }
  }

  @Nested
  class Replace {
    @Test
    void replacesInEveryToken() {
      assertThat(ReplaceDecoder.ofString("▁", " ").decodeChain(List.of("▁a", "b▁▁")))
          .containsExactly(" a", "b  ");
      assertThat(ReplaceDecoder.ofRegex("a+", "$").decodeChain(List.of("baaa")))
          .containsExactly("b$");
    }
  }

  @Nested
  class FuseAndSequence {
    @Test
    void fuseJoinsEverything() {
      assertThat(new FuseDecoder().decodeChain(List.of("a", " b"))).containsExactly("a b");
      assertThat(new FuseDecoder().decodeChain(List.of())).containsExactly("");
    }

    @Test
    void llamaChain() {
      SequenceDecoder d =
          new SequenceDecoder(
              List.of(
                  ReplaceDecoder.ofString("▁", " "),
                  new ByteFallbackDecoder(),
                  new FuseDecoder(),
                  new StripDecoder(' ', 1, 0)));
      assertThat(d.decode(List.of("▁Hi", "<0xF0>", "<0x9F>", "<0x98>", "<0x80>", "▁x")))
          .isEqualTo("Hi😀 x");
    }
  }
}
