package ai.boinc.transformers.tokenizers.models.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpeTest {
  /** Tokens as "value@start-end". */
  private static List<String> run(Bpe bpe, String text) {
    List<String> out = new ArrayList<>();
    bpe.tokenize(text, (id, value, start, end) -> out.add(value + "@" + start + "-" + end));
    return out;
  }

  private static Map<String, Integer> vocab(String... tokens) {
    Map<String, Integer> v = new HashMap<>();
    for (String t : tokens) {
      v.put(t, v.size());
    }
    return v;
  }

  private static List<String[]> merges(String... pairs) {
    List<String[]> out = new ArrayList<>();
    for (String p : pairs) {
      out.add(p.split(" "));
    }
    return out;
  }

  @Test
  void clearCacheForgetsEveryPieceAndKeepsTheTokens() {
    Bpe bpe =
        Bpe.newBuilder().vocab(vocab("a", "b", "ab", "abb")).merges(merges("a b", "ab b")).build();
    // Words that are not tokens themselves are cached.
    List<String> first = run(bpe, "abba");
    run(bpe, "ba");
    assertThat(bpe.cacheSize()).isEqualTo(2);
    bpe.clearCache();
    assertThat(bpe.cacheSize()).isZero();
    assertThat(run(bpe, "abba")).isEqualTo(first).containsExactly("abb@0-3", "a@3-4");
    assertThat(bpe.cacheSize()).isEqualTo(1);
    // A word that is a token is found again after the clear.
    assertThat(run(bpe, "abb")).containsExactly("abb@0-3");
    bpe.clearCache();
    assertThat(run(bpe, "abb")).containsExactly("abb@0-3");
  }

  /**
   * Large vocabularies given as arrays with merge ids are built on two threads, assuming no token
   * repeats; a repeated token must give the same model as the map it stands for.
   */
  @Test
  void largeArrayVocabulariesEqualTheirMaps() {
    for (boolean repeat : new boolean[] {false, true}) {
      int n = 30_000;
      List<String> tokens = new ArrayList<>(List.of("a", "b", "ab"));
      for (int i = 0; tokens.size() < n; i++) {
        tokens.add("t" + i);
      }
      if (repeat) {
        tokens.add("a");
      }
      String[] names = tokens.toArray(new String[0]);
      int[] ids = new int[names.length];
      Map<String, Integer> map = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        ids[i] = i;
        map.put(names[i], i);
      }
      int[] triples = {map.get("a"), map.get("b"), map.get("ab")};
      Bpe fromArrays =
          Bpe.newBuilder().vocab(names, ids, names.length).mergeIdsLookedUpFromText(triples).build();
      Bpe fromMap = Bpe.newBuilder().vocab(map).mergeIds(triples).build();
      assertThat(fromArrays.vocabSize()).isEqualTo(fromMap.vocabSize());
      for (int id = 0; id < names.length; id++) {
        assertThat(fromArrays.idToToken(id)).isEqualTo(fromMap.idToToken(id));
      }
      assertThat(fromArrays.tokenToId("a")).isEqualTo(fromMap.tokenToId("a"));
      assertThat(run(fromArrays, "abba")).isEqualTo(run(fromMap, "abba"));
    }
  }

  @Test
  void lowestRankMergesFirst() {
    Bpe bpe =
        Bpe.newBuilder()
            .vocab(vocab("a", "b", "c", "ab", "bc", "abc"))
            .merges(merges("b c", "a b", "a bc"))
            .build();
    // "b c" outranks "a b", so abc = a + bc.
    assertThat(run(bpe, "abc")).containsExactly("abc@0-3");
    Bpe other =
        Bpe.newBuilder().vocab(vocab("a", "b", "c", "ab", "bc")).merges(merges("b c", "a b")).build();
    assertThat(run(other, "abc")).containsExactly("a@0-1", "bc@1-3");
  }

  @Test
  void wordsCutBeforeMetaspaceMergeAsTheWholeText() {
    // No token has a character before ▁: the text is merged word by word, offsets shifted
    // ("▁ a" outranks "▁ ▁", so ▁▁a is ▁ + ▁a).
    Bpe words =
        Bpe.newBuilder()
            .vocab(vocab("\u2581", "a", "b", "\u2581a", "\u2581\u2581", "ab"))
            .merges(merges("\u2581 a", "a b", "\u2581 \u2581"))
            .build();
    assertThat(run(words, "\u2581ab\u2581\u2581a"))
        .containsExactly("\u2581a@0-2", "b@2-3", "\u2581@3-4", "\u2581a@4-6");
    // With "b▁" a token, a merge may join across the cut, so the text is merged whole.
    Bpe across =
        Bpe.newBuilder()
            .vocab(vocab("\u2581", "a", "b", "b\u2581", "b\u2581a"))
            .merges(merges("b \u2581", "b\u2581 a"))
            .build();
    assertThat(run(across, "ab\u2581a")).containsExactly("a@0-1", "b\u2581a@1-4");
  }

  @Test
  void leftmostWinsOnTies() {
    Bpe bpe = Bpe.newBuilder().vocab(vocab("a", "aa")).merges(merges("a a")).build();
    assertThat(run(bpe, "aaa")).containsExactly("aa@0-2", "a@2-3");
  }

  @Test
  void byteFallbackTokensSpanTheWholeCharacter() {
    Map<String, Integer> v = vocab("a");
    for (int b = 0; b < 256; b++) {
      v.put(String.format("<0x%02X>", b), v.size());
    }
    Bpe bpe = Bpe.newBuilder().vocab(v).byteFallback(true).build();
    assertThat(run(bpe, "a😀"))
        .containsExactly("a@0-1", "<0xF0>@1-3", "<0x9F>@1-3", "<0x98>@1-3", "<0x80>@1-3");
  }

  @Test
  void unknownCharactersFuseOnlyWhenAsked() {
    Map<String, Integer> v = vocab("<unk>", "a");
    Bpe fused = Bpe.newBuilder().vocab(v).unkToken("<unk>").fuseUnk(true).build();
    Bpe split = Bpe.newBuilder().vocab(v).unkToken("<unk>").build();
    assertThat(run(fused, "xya")).containsExactly("<unk>@0-2", "a@2-3");
    assertThat(run(split, "xya")).containsExactly("<unk>@0-1", "<unk>@1-2", "a@2-3");
    Bpe none = Bpe.newBuilder().vocab(v).build();
    assertThat(run(none, "xa")).containsExactly("a@1-2");
  }

  @Test
  void missingUnknownTokenFailsOnlyWhenNeeded() {
    Bpe bpe = Bpe.newBuilder().vocab(vocab("a")).unkToken("<unk>").build();
    assertThat(run(bpe, "a")).containsExactly("a@0-1");
    assertThatThrownBy(() -> run(bpe, "b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void prefixAndSuffixApply() {
    Bpe bpe =
        Bpe.newBuilder()
            .vocab(vocab("a", "##b", "c</w>", "##c</w>", "a##b", "ab"))
            .merges(merges("a ##b"))
            .continuingSubwordPrefix("##")
            .endOfWordSuffix("</w>")
            .build();
    assertThat(run(bpe, "abc")).containsExactly("ab@0-2", "##c</w>@2-3");
    assertThat(run(bpe, "c")).containsExactly("c</w>@0-1");
  }

  @Test
  void ignoreMergesTakesWholeVocabularyWords() {
    Map<String, Integer> v = vocab("a", "b", "ab", "abb");
    Bpe bpe = Bpe.newBuilder().vocab(v).merges(merges("a b")).ignoreMerges(true).build();
    assertThat(run(bpe, "abb")).containsExactly("abb@0-3");
    assertThat(run(bpe, "abab")).containsExactly("ab@0-2", "ab@2-4");
  }

  @Test
  void cachedResultsEqualFreshOnes() {
    Bpe bpe = Bpe.newBuilder().vocab(vocab("a", "aa")).merges(merges("a a")).build();
    List<String> first = run(bpe, "aaaaa");
    assertThat(run(bpe, "aaaaa")).isEqualTo(first);
    Bpe uncached =
        Bpe.newBuilder().vocab(vocab("a", "aa")).merges(merges("a a")).cacheCapacity(0).build();
    assertThat(run(uncached, "aaaaa")).isEqualTo(first);
  }

  @Test
  void mergeWithUnknownTokenIsRejected() {
    assertThatThrownBy(
            () -> Bpe.newBuilder().vocab(vocab("a", "b")).merges(merges("a b", "a c")).build())
        .isInstanceOf(Bpe.InvalidMergeException.class)
        .satisfies(e -> assertThat(((Bpe.InvalidMergeException) e).mergeIndex()).isEqualTo(0));
  }

  @Test
  void vocabularyLookups() {
    Bpe bpe = Bpe.newBuilder().vocab(vocab("a", "b")).build();
    assertThat(bpe.tokenToId("b")).hasValue(1);
    assertThat(bpe.idToToken(0)).hasValue("a");
    assertThat(bpe.idToToken(7)).isEmpty();
    assertThat(bpe.vocabSize()).isEqualTo(2);
  }
}
