package ai.boinc.transformers.tokenizers.models.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.pipeline.TokenColumns;
import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Bpe#tokenizeBytes} against {@link Bpe#tokenize} of the same word's ByteLevel text, for
 * every token of each byte-level vocabulary (which reaches every table: one byte, packed into one
 * long, into two, and the index for longer ones), each token also followed by a byte.
 */
class TokenizeBytesTest {
  private static Bpe load(String path) {
    PipelineTokenizer t = (PipelineTokenizer) Tokenizers.fromFile(Fixtures.root().resolve(path));
    return (Bpe) t.model();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tokenizers/llama-3/tokenizer.json",
        "tokenizers/gpt-4o/tokenizer.json",
        "tokenizers/qwen3/tokenizer.json",
        "bench-tokenizers/gpt-3.5-turbo/tokenizer.json"
      })
  void everyTokenAsBytesMergesAsItsText(String path) {
    Bpe bpe = load(path);
    assertThat(bpe.isByteLevel()).isTrue();
    int checked = 0;
    int[] out = new int[3 * 512];
    for (int id = 0; id < bpe.vocabSize() + 1024; id++) {
      String token = bpe.tokenOrNull(id);
      int[] bytes = token == null ? null : bytesOf(token);
      if (bytes == null || bytes.length > 255) {
        continue;
      }
      for (int extra = 0; extra < 2; extra++) {
        int[] word = extra == 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
        if (extra == 1) {
          word[bytes.length] = 'e';
        }
        String text = extra == 0 ? token : token + 'e';
        TokenColumns expected = new TokenColumns(8);
        bpe.tokenize(text, expected);
        int end = bpe.tokenizeBytes(word, 0, word.length, out, 0);
        assertThat(Arrays.copyOf(out, end)).as("%s", text).isEqualTo(triples(expected));
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(50_000);
  }

  @Test
  void aVocabularyWithoutEveryByteIsNotByteLevel() {
    Bpe bpe =
        Bpe.builder()
            .vocab(Map.of("a", 0, "b", 1, "ab", 2))
            .merges(List.<String[]>of(new String[] {"a", "b"}))
            .build();
    assertThat(bpe.isByteLevel()).isFalse();
    assertThatThrownBy(() -> bpe.tokenizeBytes(new int[] {'a'}, 0, 1, new int[3], 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a byte-level vocabulary");
  }

  @Test
  void valuesOutsideAByteAreRefused() {
    Bpe bpe = load("tokenizers/gpt2/tokenizer.json");
    int[] out = new int[30];
    assertThatThrownBy(() -> bpe.tokenizeBytes(new int[] {'a', -61}, 0, 2, out, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 0..255");
    assertThatThrownBy(() -> bpe.tokenizeBytes(new int[] {'a', 256}, 0, 2, out, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bpe.tokenizeBytes(new int[] {'a'}, 0, 2, out, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** The bytes a ByteLevel token stands for, or null if it is not in the alphabet. */
  private static int[] bytesOf(String token) {
    int[] bytes = new int[token.length()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ByteLevelAlphabet.byteOf(token.charAt(i));
      if (bytes[i] < 0) {
        return null;
      }
    }
    return bytes;
  }

  private static int[] triples(TokenColumns c) {
    int[] out = new int[3 * c.size()];
    for (int i = 0; i < c.size(); i++) {
      out[3 * i] = c.ids()[i];
      out[3 * i + 1] = c.offsets()[2 * i];
      out[3 * i + 2] = c.offsets()[2 * i + 1];
    }
    return out;
  }
}
