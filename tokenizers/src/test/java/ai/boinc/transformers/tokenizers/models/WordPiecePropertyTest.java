package ai.boinc.transformers.tokenizers.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * WordPiece's trie search gives exactly the tokens of the plain greedy algorithm (try the longest
 * remaining substring, prefixed after the first piece, then shorter ones one code point at a
 * time), written here with string look-ups, for random vocabularies, prefixes and limits on
 * arbitrary Unicode words. QuickTheories prints the seed of a failing run; replay it with {@code
 * -DQT_SEED=<seed>}.
 */
class WordPiecePropertyTest {
  private static final int EXAMPLES = 3000;
  private static final List<String> ALPHABET =
      List.of(
          "a", "b", "c", "ab", "é", "e\u0301", "中", "😀", "\uD835\uDC00", "#", "##", "x", "\uFFFF",
          // NUL, the units around 255, longer keys.
          "\u0000", "\u00FF", "\u0100", "abcdefg", "abcdefgh");

  private static Gen<String> word() {
    Gen<String> piece =
        Generate.pick(ALPHABET)
            .mix(strings().allPossible().ofLengthBetween(1, 3), 15)
            .mix(
                integers()
                    .between(0, Character.MAX_CODE_POINT)
                    .map(cp -> new String(Character.toChars(cp))),
                10);
    return lists().of(piece).ofSizeBetween(0, 8).map(parts -> String.join("", parts));
  }

  private static Gen<List<String>> tokens() {
    Gen<String> token =
        lists().of(Generate.pick(ALPHABET)).ofSizeBetween(1, 4).map(parts -> String.join("", parts));
    Gen<String> entry =
        Generate.pick(List.of("", "##", "@@"))
            .zip(token, (p, t) -> p + t)
            .mix(Generate.pick(List.of("[UNK]", "##", "@@", "<unk>")), 10);
    return lists().of(entry).ofSizeBetween(0, 40);
  }

  /** The reference algorithm, one substring look-up per attempt. */
  private static List<String> greedy(
      Map<String, Integer> vocab, String prefix, String unk, int max, String word) {
    List<String> out = new ArrayList<>();
    int n = word.length();
    if (n == 0) {
      return out;
    }
    if (word.codePointCount(0, n) > max) {
      out.add(unk + ":" + vocab.get(unk) + "@0-" + n);
      return out;
    }
    int start = 0;
    while (start < n) {
      int end = n;
      String found = null;
      while (start < end) {
        String sub = word.substring(start, end);
        if (start > 0) {
          sub = prefix + sub;
        }
        if (vocab.containsKey(sub)) {
          found = sub;
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        out.clear();
        out.add(unk + ":" + vocab.get(unk) + "@0-" + n);
        return out;
      }
      out.add(found + ":" + vocab.get(found) + "@" + start + "-" + end);
      start = end;
    }
    return out;
  }

  /** {@code [UNK]} (id 0) and the tokens, with odd ids (not the order of the map). */
  private static Map<String, Integer> vocab(List<String> tokens) {
    Map<String, Integer> vocab = new HashMap<>();
    vocab.put("[UNK]", 0);
    for (String t : tokens) {
      vocab.putIfAbsent(t, 2 * vocab.size() + 1);
    }
    return vocab;
  }

  private static WordPiece model(Map<String, Integer> vocab, String prefix, int max) {
    return WordPiece.newBuilder()
        .vocab(vocab)
        .continuingSubwordPrefix(prefix)
        .maxInputCharsPerWord(max)
        .build();
  }

  /** Words that are vocabulary entries or start with one: most words of real text. */
  @Test
  void vocabularyWordsEqualPlainGreedyLongestMatch() {
    qt().withExamples(EXAMPLES)
        .forAll(tokens(), Generate.pick(List.of("##", "@@", "", "#")), integers().between(1, 12), word())
        .checkAssert(
            (tokens, prefix, max, tail) -> {
              Map<String, Integer> vocab = vocab(tokens);
              WordPiece wp = model(vocab, prefix, max);
              for (String t : vocab.keySet()) {
                for (String word : List.of(t, t + tail.substring(0, Math.min(1, tail.length())))) {
                  assertThat(WordPieceTest.run(wp, word))
                      .as("'%s'", word)
                      .isEqualTo(greedy(vocab, prefix, "[UNK]", max, word));
                }
              }
            });
  }

  @Test
  void trieSearchEqualsPlainGreedyLongestMatch() {
    qt().withExamples(EXAMPLES)
        .forAll(tokens(), Generate.pick(List.of("##", "@@", "", "#")), integers().between(1, 12), word())
        .checkAssert(
            (tokens, prefix, max, word) -> {
              Map<String, Integer> vocab = vocab(tokens);
              assertThat(WordPieceTest.run(model(vocab, prefix, max), word))
                  .isEqualTo(greedy(vocab, prefix, "[UNK]", max, word));
            });
  }
}
