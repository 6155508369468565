package ai.boinc.transformers.tokenizers;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any string encodes without exception and with sane offsets, for every fixture model.
 * QuickTheories prints the seed of a failing run; set {@code -DQT_SEED=<seed>} to replay it.
 */
class PropertyTest {
  private static PretrainedTokenizer llama;

  @BeforeAll
  static void load() {
    llama = Tokenizers.fromDirectory(Fixtures.tokenizerDir("llama-2"));
  }

  @ParameterizedTest
  @FieldSource("ai.boinc.transformers.tokenizers.GoldenTest#MODELS")
  void everyModelEncodesAnyStringAndAnyPairWithOffsetsInsideTheText(String model) {
    PretrainedTokenizer tokenizer = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
    qt().withExamples(200)
        .forAll(anyText(), Generate.booleans())
        .checkAssert((text, add) -> check(text, tokenizer.encode(text, EncodeOptions.addSpecialTokens(add)), 0));
    qt().withExamples(60)
        .forAll(anyText(), anyText())
        .checkAssert(
            (a, b) -> {
              Encoding e = tokenizer.encode(a, b);
              check(a, e, 0);
              check(b, e, 1);
              tokenizer.decode(e.ids());
            });
  }

  /** Strings mixing ASCII, specials written literally, BMP, astral chars and lone surrogates. */
  private static Gen<String> anyText() {
    Gen<String> piece =
        Generate.pick(List.of("<s>", "</s>", "<unk>", " ", "  ", "\n", "▁", "\uD800", "\uDFFF", "😀"))
            .mix(strings().allPossible().ofLengthBetween(0, 4), 70)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 6), 40)
            .mix(integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 20);
    return lists().of(piece).ofSizeBetween(0, 12).map(parts -> String.join("", parts));
  }

  @Test
  void anyStringEncodesWithOffsetsInsideTheText() {
    qt().withExamples(1500)
        .forAll(anyText(), Generate.booleans())
        .checkAssert((text, add) -> check(text, llama.encode(text, EncodeOptions.addSpecialTokens(add)), 0));
  }

  @Test
  void anyPairEncodesWithOffsetsInsideEachText() {
    qt().withExamples(500)
        .forAll(anyText(), anyText())
        .checkAssert(
            (a, b) -> {
              Encoding e = llama.encode(a, b);
              check(a, e, 0);
              check(b, e, 1);
              llama.decode(e.ids());
            });
  }

  private static void check(String text, Encoding e, int sequence) {
    int lastStart = -1;
    for (int i = 0; i < e.size(); i++) {
      if (e.specialTokensMask()[i] == 1 || e.sequenceIds()[i] != sequence) {
        continue;
      }
      int start = e.startOffset(i);
      int end = e.endOffset(i);
      if (start < 0 || end > text.length() || start > end) {
        throw new AssertionError("token " + i + " has offsets [" + start + ", " + end + "] in a text of length " + text.length());
      }
      if (start < lastStart) {
        throw new AssertionError("token " + i + " starts at " + start + " before " + lastStart);
      }
      lastStart = start;
    }
  }
}
