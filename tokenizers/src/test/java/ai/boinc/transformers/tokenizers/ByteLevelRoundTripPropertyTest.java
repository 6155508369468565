package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Byte-level BPE without a normalizer loses nothing: {@code decode(encode(x)) == x} for any text
 * without lone surrogates, and every token's offsets lie inside the text on character
 * boundaries. QuickTheories prints the seed of a failing run; replay it with {@code
 * -DQT_SEED=<seed>}.
 */
class ByteLevelRoundTripPropertyTest {
  private static Gen<String> anyText() {
    Gen<String> piece =
        Generate.pick(
                List.of(" ", "   ", "\n", "\r\n", "\t", "'s", "'LL", "\u00a0", "\u3000", "\u0301",
                    "\ud83d\udc4d\ud83c\udffd", "<|endoftext|>", "<|begin_of_text|>", "12345",
                    "\ufffd", "\u0000", "Hello", " world"))
            .mix(strings().allPossible().ofLengthBetween(0, 4), 60)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 8), 40)
            .mix(integers().between(0x80, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 40);
    return lists()
        .of(piece)
        .ofSizeBetween(0, 16)
        .map(parts -> String.join("", parts))
        .assuming(ByteLevelRoundTripPropertyTest::noLoneSurrogate);
  }

  private static boolean noLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpt2", "llama-3", "gpt-4o"})
  void decodeOfEncodeGivesTheTextBack(String model) {
    PretrainedTokenizer t = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json")); // configs may turn on clean-up, which is lossy by design
    qt().withExamples(400)
        .forAll(anyText())
        .checkAssert(
            text -> {
              Encoding e = t.encode(text);
              assertThat(t.decode(e.ids())).isEqualTo(text);
              for (int i = 0; i < e.size(); i++) {
                int s = e.startOffset(i);
                int end = e.endOffset(i);
                assertThat(s).isBetween(0, end);
                assertThat(end).isLessThanOrEqualTo(text.length());
                assertThat(s > 0 && s < text.length() && Character.isLowSurrogate(text.charAt(s)))
                    .as("token %d starts inside a surrogate pair", i)
                    .isFalse();
              }
            });
  }
}
