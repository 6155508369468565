package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.tokenizers.normalizers.BertNormalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fused BERT encoder ({@link BertFastPath}) against the general pipeline on arbitrary Unicode:
 * the whole encoding (ids, tokens, offsets, word ids, type ids, masks) and the token count, for
 * every fixture of that shape and for every combination of the normalizer's four settings.
 * QuickTheories prints the seed of a failure; replay it with {@code -DQT_SEED=<seed>}.
 */
class BertFastPathPropertyTest {
  private static final List<String> MODELS =
      List.of("bert-base-uncased", "bert-base-chinese", "all-minilm-l6-v2");
  private static final List<PipelineTokenizer> FIXTURES = new ArrayList<>();
  /** bert-base-uncased's model and post-processor under each of the 16 normalizer settings. */
  private static final List<PipelineTokenizer> SETTINGS = new ArrayList<>();

  @BeforeAll
  static void load() {
    for (String m : MODELS) {
      PipelineTokenizer t =
          (PipelineTokenizer) Tokenizers.fromFile(Fixtures.tokenizerDir(m).resolve("tokenizer.json"));
      // all-minilm's tokenizer.json truncates and pads; the fused encoder serves calls without.
      FIXTURES.add(t.withTruncationAndPadding(Optional.empty(), Optional.empty()));
    }
    PipelineTokenizer uncased = FIXTURES.get(0);
    for (int flags = 0; flags < 16; flags++) {
      BertNormalizer normalizer =
          new BertNormalizer((flags & 8) != 0, (flags & 4) != 0, (flags & 2) != 0, (flags & 1) != 0);
      SETTINGS.add(
          new PipelineTokenizer(
              normalizer,
              new BertPreTokenizer(),
              uncased.model(),
              uncased.postProcessor(),
              null,
              List.of(),
              null));
    }
  }

  /** Arbitrary text (see {@link TextGens}) with what BERT's steps treat specially. */
  private static Gen<String> texts() {
    return TextGens.texts(
        List.of(
            "[CLS]", "[SEP]", "[UNK]", "[cls]", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000",
            "é", "E\u0301", "Ǆ", "İ", "ß", "ﬁ", "Σ", "😀", "\uD835\uDC00", "中", "国", "\uD840\uDC00",
            "\u0000", "\u0001", "\u200B", "\u00AD", "\uFFFD", "\uE000", "\u0301", "\u0345", "...",
            "!?", "¿", "—", "«", "Hello", "unaffable", "Ñandú", "Ærøskøbing", "Ça", "naïve",
            "\uD800", "\uDC00", "ŉ", "\u1E9E", "\uAC00", "\u0130x", "\uF900", "\uD87E\uDC00"),
        12);
  }

  @Test
  void everyBertShapedFixtureUsesTheFusedEncoder() {
    for (PipelineTokenizer t : FIXTURES) {
      assertThat(t.hasFastPath()).as("%s", t).isTrue();
    }
  }

  @Test
  void theFusedEncoderTakesTextWithoutAddedTokensOrLoneSurrogates() {
    PipelineTokenizer t = FIXTURES.get(0);
    BertFastPath fast =
        BertFastPath.of(t.normalizer(), new BertPreTokenizer(), t.model(), t.addedVocabulary());
    assertThat(fast.tokenize("Héllo, wörld! 中文 \uD83D\uDE00 a\u0001b [cls]")).isNotNull();
    assertThat(fast.tokenize("a [CLS] b")).isNull();
    assertThat(fast.tokenize("a \uD800 b")).isNull();
    assertThat(fast.tokenize("a \uDC00")).isNull();
  }

  @Test
  void fusedEncodingEqualsTheGeneralPathOnFixtures() {
    qt().withExamples(3000)
        .forAll(texts(), Generate.booleans())
        .checkAssert((text, add) -> checkAll(FIXTURES, text, add));
  }

  @Test
  void fusedEncodingEqualsTheGeneralPathUnderEveryNormalizerSetting() {
    qt().withExamples(1500)
        .forAll(texts(), Generate.booleans())
        .checkAssert((text, add) -> checkAll(SETTINGS, text, add));
  }

  @Test
  void aWordLongerThanTheLimitIsUnknownOnBothPaths() {
    String text = "a" + "b".repeat(120) + " ok " + "\uD83D\uDE00".repeat(60) + " x" + "é".repeat(101);
    checkAll(FIXTURES, text, true);
  }

  private static void checkAll(List<PipelineTokenizer> tokenizers, String text, boolean add) {
    for (PipelineTokenizer t : tokenizers) {
      assertThat(t.encode(text, EncodeOptions.addSpecialTokens(add)))
          .as("%s on '%s'", t, text)
          .isEqualTo(t.encodeWithoutFastPathForTest(text, null, add));
      String pair = "pair " + text;
      assertThat(t.encode(text, pair, EncodeOptions.addSpecialTokens(add)))
          .as("pair: %s on '%s'", t, text)
          .isEqualTo(t.encodeWithoutFastPathForTest(text, pair, add));
      assertThat(t.countTokens(text, add))
          .as("count: %s on '%s'", t, text)
          .isEqualTo(t.encodeWithoutFastPathForTest(text, null, add).size());
    }
  }
}
