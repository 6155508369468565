package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizers.internal.text.Text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The per-call shortcuts of the pipeline against its general path on arbitrary Unicode, for every
 * fixture family: added-token extraction when the text holds no added token, and a template
 * post-processor filling the final encoding directly. QuickTheories prints the seed of a failure;
 * replay it with {@code -DQT_SEED=<seed>}.
 */
class PipelineShortcutPropertyTest {
  private static final List<String> MODELS =
      List.of(
          "llama-3", "qwen3", "gpt-4o", "gpt2", "llama-2", "mistral", "bert-base-uncased",
          "t5-small");
  private static final List<PipelineTokenizer> TOKENIZERS = new ArrayList<>();

  @BeforeAll
  static void load() {
    for (String m : MODELS) {
      TOKENIZERS.add(
          (PipelineTokenizer) Tokenizers.fromFile(Fixtures.tokenizerDir(m).resolve("tokenizer.json")));
    }
  }

  private static Gen<String> texts() {
    Gen<String> piece =
        strings().allPossible().ofLengthBetween(0, 4)
            .mix(
                Generate.pick(
                    List.of(
                        "<s>", "</s>", "<unk>", "[CLS]", "[SEP]", "<|endoftext|>", "<extra_id_0>",
                        " ", "  ", "\n", "é", "e\u0301", "😀", "中", "\u0000", "Hello", "\uD800")),
                40)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 8), 40)
            .mix(integers().between(0x80, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 20);
    return lists().of(piece).ofSizeBetween(0, 8).map(parts -> String.join("", parts));
  }

  @Test
  void extractionWithoutAddedTokensEqualsTheGeneralPath() {
    qt().withExamples(1500)
        .forAll(texts())
        .checkAssert(
            text -> {
              for (PipelineTokenizer t : TOKENIZERS) {
                AddedVocabulary added = t.addedVocabulary();
                String clean = Text.replaceLoneSurrogates(text);
                assertThat(describe(added.extractAndNormalize(clean, t.normalizer())))
                    .as("%s on '%s'", t, text)
                    .isEqualTo(describe(added.extractAndNormalizeGeneral(clean, t.normalizer())));
              }
            });
  }

  @Test
  void templateShortcutEqualsProcessingTheEncoding() {
    qt().withExamples(1500)
        .forAll(texts(), Generate.booleans())
        .checkAssert(
            (text, add) -> {
              for (PipelineTokenizer t : TOKENIZERS) {
                assertThat(t.encode(text, EncodeOptions.addSpecialTokens(add)))
                    .as("%s on '%s'", t, text)
                    .isEqualTo(t.encodeGeneralForTest(text, add));
              }
            });
  }

  /** Every piece: texts, where it lies, how each unit maps back, and its tokens. */
  private static List<String> describe(PreTokenizedString pieces) {
    List<String> out = new ArrayList<>();
    for (Split s : pieces.splits()) {
      NormalizedString n = s.normalized();
      StringBuilder b = new StringBuilder();
      b.append(n.original()).append('|').append(n.normalized()).append('|').append(n.originalStart());
      for (int i = 0; i < n.length(); i++) {
        int[] o = n.toOriginal(i, i + 1);
        b.append(' ').append(o[0]).append('-').append(o[1]);
      }
      for (int k = 0; k < s.tokenCount(); k++) {
        b.append(" #").append(s.id(k)).append('@').append(s.start(k)).append('-').append(s.end(k));
      }
      out.add(b.toString());
    }
    return out;
  }
}
