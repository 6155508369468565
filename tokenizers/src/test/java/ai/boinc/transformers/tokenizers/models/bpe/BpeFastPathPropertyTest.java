package ai.boinc.transformers.tokenizers.models.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * BPE's fast paths against its general path on generated text: the scan that merges short words
 * against the reference's merge queue, a cached word against a freshly merged one, and a word
 * that is a token (served by one look-up once its merge is known) against the merge queue.
 * QuickTheories prints the seed of a failure; replay it with {@code -DQT_SEED=<seed>}.
 */
class BpeFastPathPropertyTest {
  private static final String ALPHABET = "ab\u2581";
  private static Bpe llama;
  /** Byte-level, and without {@code ignore_merges} (Llama 3 has it: whole words skip merging). */
  private static Bpe o200k;
  /** Every string of 1..3 letters of {@link #ALPHABET}, with both ways to build each. */
  private static Bpe small;
  private static Bpe smallPrefixed;
  private static Bpe smallUncached;

  @BeforeAll
  static void load() {
    llama =
        (Bpe)
            ((PipelineTokenizer)
                    Tokenizers.fromFile(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json")))
                .model();
    o200k =
        (Bpe)
            ((PipelineTokenizer)
                    Tokenizers.fromFile(Fixtures.tokenizerDir("gpt-4o").resolve("tokenizer.json")))
                .model();
    small = smallModel("", false, 10_000);
    smallPrefixed = smallModel("##", true, 10_000);
    smallUncached = smallModel("", false, 0);
  }

  /**
   * A vocabulary where one token can come from two different pairs ({@code ab+a} and {@code a+ba}
   * both make {@code aba}), with merges in a scrambled but fixed order, plus an unknown token.
   */
  private static Bpe smallModel(String prefix, boolean fuseUnk, int cacheCapacity) {
    List<String> words = new ArrayList<>();
    for (int len = 1; len <= 3; len++) {
      addAll(words, "", len);
    }
    Map<String, Integer> vocab = new HashMap<>();
    vocab.put("<unk>", 0);
    for (String w : words) {
      vocab.put(w, vocab.size());
      vocab.putIfAbsent(prefix + w, vocab.size());
    }
    List<String[]> merges = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get((i * 7) % words.size());
      for (int cut = 1; cut < w.length(); cut++) {
        merges.add(new String[] {w.substring(0, cut), prefix + w.substring(cut)});
        merges.add(new String[] {prefix + w.substring(0, cut), prefix + w.substring(cut)});
      }
    }
    return Bpe.newBuilder()
        .vocab(vocab)
        .merges(merges)
        .unkToken("<unk>")
        .fuseUnk(fuseUnk)
        .continuingSubwordPrefix(prefix.isEmpty() ? null : prefix)
        .cacheCapacity(cacheCapacity)
        .build();
  }

  private static void addAll(List<String> out, String head, int len) {
    if (len == 0) {
      out.add(head);
      return;
    }
    for (char c : ALPHABET.toCharArray()) {
      addAll(out, head + c, len - 1);
    }
  }

  /** Arbitrary Unicode mixed with runs of few letters, so that many merges apply. */
  private static Gen<String> words() {
    Gen<String> piece =
        strings().allPossible().ofLengthBetween(0, 3)
            .mix(Generate.pick(List.of("a", "b", "\u2581", "ab", "ba", "aab", "\u2581a", "c")), 70)
            .mix(integers().between(0x80, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 15);
    return lists().of(piece).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
  }

  @Test
  void scanMergesAsTheQueue() {
    qt().withExamples(3000)
        .forAll(words())
        .checkAssert(
            w -> {
              for (Bpe bpe : List.of(llama, small, smallPrefixed)) {
                assertThat(bpe.mergeWordForTest(w, false))
                    .as("%s on '%s'", bpe, w)
                    .containsExactly(bpe.mergeWordForTest(w, true));
              }
            });
  }

  @Test
  void aCachedWordTokenizesAsAFreshOne() {
    qt().withExamples(2000)
        .forAll(words(), words())
        .checkAssert(
            (a, b) -> {
              String text = "\u2581" + a + "\u2581" + b;
              List<String> first = run(llama, text);
              // Now served from the cache.
              assertThat(run(llama, text)).isEqualTo(first);
              run(small, a);
              run(small, b);
              assertThat(run(small, text)).isEqualTo(run(smallUncached, text));
              assertThat(run(small, text)).isEqualTo(run(smallUncached, text));
            });
  }

  /**
   * Tokens of the model (whole words), tokens with arbitrary text around them, and arbitrary text;
   * without a {@code ▁} after the first character, where some models cut a text into words.
   */
  private static Gen<String> wordsAndTokens(Bpe bpe) {
    Gen<String> token =
        integers().between(0, bpe.vocabSize() - 1).map(id -> bpe.idToToken(id).orElse(""));
    Gen<String> around =
        token.zip(strings().allPossible().ofLengthBetween(0, 2), (t, s) -> t + s)
            .mix(token.zip(token, (t, u) -> t + u), 50);
    return token.mix(around, 30).mix(words(), 20)
        .map(w -> w.isEmpty() ? w : w.charAt(0) + w.substring(1).replace('\u2581', ' '));
  }

  @Test
  void aWordThatIsATokenTokenizesAsTheMergeQueue() {
    for (Bpe bpe : List.of(o200k, llama, small, smallPrefixed, smallUncached)) {
      qt().withExamples(1500)
          .forAll(wordsAndTokens(bpe))
          .checkAssert(
              w -> {
                List<String> expected = triples(bpe.mergeWordForTest(w, true));
                // Twice: the first call learns whether the token merges to itself, the second uses it.
                assertThat(ids(bpe, w)).as("%s on '%s'", bpe, w).isEqualTo(expected);
                assertThat(ids(bpe, w)).as("%s again on '%s'", bpe, w).isEqualTo(expected);
              });
    }
  }

  private static List<String> triples(int[] merged) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < merged.length; i += 3) {
      out.add(merged[i] + "@" + merged[i + 1] + "-" + merged[i + 2]);
    }
    return out;
  }

  private static List<String> ids(Bpe bpe, String text) {
    List<String> out = new ArrayList<>();
    bpe.tokenize(text, (id, value, start, end) -> out.add(id + "@" + start + "-" + end));
    return out;
  }

  private static List<String> run(Bpe bpe, String text) {
    List<String> out = new ArrayList<>();
    bpe.tokenize(text, (id, value, start, end) -> out.add(id + ":" + value + "@" + start + "-" + end));
    return out;
  }
}
