package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.NormalizedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrecompiledNormalizerTest {
  /**
   * A hand-built charsmap with the single key "a" mapped to pool offset {@code value}: root unit
   * 0 with offset 1, the "a" unit at 1 ^ 0x61 = 96 (label 0x61, leaf, offset 1), the value unit at
   * 97.
   */
  static byte[] oneKeyCharsmap(int value, String pool) {
    int[] units = new int[98];
    units[0] = 1 << 10;
    units[96] = (1 << 10) | (1 << 8) | 0x61;
    units[97] = value;
    byte[] poolBytes = pool.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(4 + 4 * units.length + poolBytes.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4 * units.length);
    for (int u : units) {
      b.putInt(u);
    }
    b.put(poolBytes);
    return b.array();
  }

  @Test
  void replacesKeysAndKeepsOffsets() {
    PrecompiledNormalizer n = new PrecompiledNormalizer(oneKeyCharsmap(2, "A\0XY\0"));
    NormalizedString s = NormalizedString.of("bab");
    n.normalize(s);
    assertThat(s.normalized()).isEqualTo("bXYb");
    assertThat(s.toOriginal(1, 3)).containsExactly(1, 2);
    assertThat(s.toOriginal(3, 4)).containsExactly(2, 3);
  }

  @Test
  void aShortClusterIsReplacedWholeWhenAPrefixMatches() {
    // "a" + combining acute is one grapheme of 3 bytes: the entry for "a" replaces all of it.
    PrecompiledNormalizer n = new PrecompiledNormalizer(oneKeyCharsmap(0, "A\0"));
    assertThat(n.normalize("a\u0301b")).isEqualTo("Ab");
    // Six bytes or more: looked up character by character, the mark stays.
    assertThat(n.normalize("a\u0301\u0301\u0301")).isEqualTo("A\u0301\u0301\u0301");
  }

  @Test
  void malformedCharsmapsAreRejected() {
    assertThatThrownBy(() -> new PrecompiledNormalizer(new byte[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
    assertThatThrownBy(() -> new PrecompiledNormalizer(new byte[] {8, 0, 0, 0, 1, 2, 3, 4}))
        .hasMessageContaining("announces a trie of 8 bytes");
    assertThatThrownBy(() -> new PrecompiledNormalizer(new byte[] {0, 0, 0, 0}))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new PrecompiledNormalizer(oneKeyCharsmap(9, "A\0")))
        .hasMessageContaining("points at byte 9");
    assertThatThrownBy(() -> new PrecompiledNormalizer(oneKeyCharsmap(1, "é\0")))
        .hasMessageContaining("middle of a character");
    byte[] badPool = oneKeyCharsmap(0, "A\0");
    badPool[badPool.length - 2] = (byte) 0xFF;
    assertThatThrownBy(() -> new PrecompiledNormalizer(badPool)).hasMessageContaining("UTF-8");
    byte[] outside = oneKeyCharsmap(0, "A\0");
    outside[4] = (byte) 0xFF;
    outside[5] = (byte) 0xFF;
    assertThatThrownBy(() -> new PrecompiledNormalizer(outside)).hasMessageContaining("outside");
  }

  @Nested
  class T5Charsmap {
    private final PrecompiledNormalizer t5 = load();

    private PrecompiledNormalizer load() {
      String b64;
      try {
        b64 =
          new ObjectMapper()
              .readTree(Fixtures.tokenizerDir("t5-small").resolve("tokenizer.json").toFile())
              .get("normalizer")
              .get("precompiled_charsmap")
              .textValue();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new PrecompiledNormalizer(Base64.getDecoder().decode(b64));
    }

    @Test
    void compatibilityCharactersAreFolded() {
      assertThat(t5.normalize("ﬁx ①")).isEqualTo("fix 1");
      assertThat(t5.normalize("e\u0301")).isEqualTo("é");
    }

    @Test
    void crLfIsOneClusterAndBecomesOneSpace() {
      assertThat(t5.normalize("a\r\nb")).isEqualTo("a b");
      assertThat(t5.normalize("a\rb")).isEqualTo("a b");
    }

    @Test
    void aCharacterDroppedAtTheStartShiftsOffsetsAsInTheReference() {
      // The reference loses a removal before the first character: "g" takes the span of U+001E.
      NormalizedString s = NormalizedString.of("\u001Eg");
      t5.normalize(s);
      assertThat(s.normalized()).isEqualTo("g");
      assertThat(s.toOriginal(0, 1)).containsExactly(0, 1);
    }
  }
}
