package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.TextGens;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fused byte-level path ({@link ByteLevelFastPath}) against the general path on arbitrary
 * Unicode, for every byte-level family: the whole encoding (ids, tokens, offsets, words, masks)
 * and the token count, on a fresh cache and on a warm one. QuickTheories prints the seed of a
 * failure; replay it with {@code -DQT_SEED=<seed>}.
 */
class ByteLevelFastPathPropertyTest {
  private static final List<Path> BYTE_LEVEL =
      List.of(
          Fixtures.tokenizerDir("llama-3").resolve("tokenizer.json"),
          Fixtures.tokenizerDir("qwen3").resolve("tokenizer.json"),
          Fixtures.tokenizerDir("gpt-4o").resolve("tokenizer.json"),
          Fixtures.tokenizerDir("gpt2").resolve("tokenizer.json"),
          Fixtures.root().resolve("bench-tokenizers/gpt-3.5-turbo/tokenizer.json"));
  private static final List<PipelineTokenizer> TOKENIZERS = new ArrayList<>();

  @BeforeAll
  static void load() {
    for (Path p : BYTE_LEVEL) {
      PipelineTokenizer t = (PipelineTokenizer) Tokenizers.fromFile(p);
      // The byte tables are built on a pool thread after first use; wait for them here, so that
      // every example below runs the fast path.
      assertThat(t.hasFastPath()).as("%s", p).isTrue();
      TOKENIZERS.add(t);
    }
  }

  private static Gen<String> texts() {
    return TextGens.texts(
        List.of(
            "<|endoftext|>", "<|begin_of_text|>", "<|im_start|>", " ", "  ", "\n", "\r\n",
            " \n\n ", "\t", "'s", "'LL", "'Re", " 1234567", "é", "e\u0301", "Å", "😀",
            "👩‍👩‍👧", "中文字", "\u0000", "Hello", " world", "\uD800", " internationalization",
            "Pneumonoultramicroscopic", "ǅungla", "ΣΑΣ", "http://x.y/z", "...", "!!!\n"),
        10);
  }

  @Test
  void everyByteLevelFamilyTakesTheFastPath() {
    for (PipelineTokenizer t : TOKENIZERS) {
      assertThat(t.hasFastPath()).as("%s", t).isTrue();
    }
  }

  @Test
  void familiesOfOtherShapesHaveNoFusedPath() {
    for (String m : List.of("llama-2", "t5-small")) {
      PipelineTokenizer t =
          (PipelineTokenizer) Tokenizers.fromFile(Fixtures.tokenizerDir(m).resolve("tokenizer.json"));
      assertThat(t.hasFastPath()).as(m).isFalse();
    }
  }

  @Test
  void fastPathEqualsTheGeneralPath() {
    qt().withExamples(1500)
        .forAll(texts(), Generate.booleans(), Generate.booleans())
        .checkAssert(
            (text, add, fresh) -> {
              for (PipelineTokenizer t : TOKENIZERS) {
                if (fresh) {
                  t.clearCache();
                }
                assertThat(t.encode(text, EncodeOptions.addSpecialTokens(add)))
                    .as("%s on '%s'", t, text)
                    .isEqualTo(t.encodeWithoutFastPathForTest(text, null, add));
                assertThat(t.countTokens(text, add))
                    .isEqualTo(t.encodeWithoutFastPathForTest(text, null, add).size());
              }
            });
  }

  @Test
  void longWordsAndRepeatsEqualTheGeneralPath() {
    // Words past the packed length and past the cache's length limit, each seen twice.
    String longWord = "x".repeat(300) + "é".repeat(100) + "😀".repeat(70);
    String text = longWord + " " + longWord + " antidisestablishment antidisestablishment";
    for (PipelineTokenizer t : TOKENIZERS) {
      t.clearCache();
      for (int round = 0; round < 2; round++) {
        assertThat(t.encode(text, EncodeOptions.addSpecialTokens(true)))
            .as("%s round %d", t, round)
            .isEqualTo(t.encodeWithoutFastPathForTest(text, null, true));
      }
    }
  }
}
