package ai.boinc.transformers.tokenizers.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link Unigram} (trie walked in place, ids from the trie, cached pieces replayed from packed
 * entries) gives exactly what a plain Viterbi written here gives: every substring looked up in a
 * map, unknown characters scored 10 below the lowest score, ties kept by the first path found,
 * runs of unknown pieces fused and looked up by text, byte fallback with {@code <0xXX>} pieces.
 * Vocabularies are small and scores few, so ties, unknown text, surrogate pairs and lone
 * surrogates are common. Each text is tokenized twice, the second time from the cache. Replay a
 * failure with {@code -DQT_SEED=<seed>}.
 */
class UnigramPropertyTest {
  private static final List<String> UNITS =
      List.of("a", "b", "c", "\u00e9", "\u2581", "\ud83d\ude00", "\ud83d", "\ude00");
  private static final double[] SCORES = {0, -1, -2, -2.5, -3, -1};

  /** A vocabulary: pieces and their scores, the unknown piece first when there is one. */
  static final class Vocab {
    final List<String> pieces = new ArrayList<>();
    final List<Double> scores = new ArrayList<>();
    int unkId = -1;
    boolean byteFallback;

    Unigram build() {
      Unigram.Builder b = Unigram.newBuilder().unkId(unkId).byteFallback(byteFallback);
      for (int i = 0; i < pieces.size(); i++) {
        b.piece(pieces.get(i), scores.get(i));
      }
      return b.build();
    }

    @Override
    public String toString() {
      return "Vocab" + pieces.subList(0, Math.min(pieces.size(), 40)) + scores + " unk=" + unkId
          + " bytes=" + byteFallback;
    }
  }

  private static Gen<String> word(int max) {
    return lists()
        .of(Generate.pick(UNITS).mix(Generate.pick(List.of("x", "y", "\ud800\udc00")), 20))
        .ofSizeBetween(1, max)
        .map(parts -> String.join("", parts));
  }

  private static Gen<Vocab> vocab() {
    Gen<List<String>> pieces = lists().of(word(3)).ofSizeBetween(0, 14);
    Gen<List<Integer>> scores = lists().of(integers().between(0, SCORES.length - 1)).ofSize(14);
    // 0: no unk; 1: unk; 2: unk and all byte pieces; 3: unk and the bytes below 0xC0 only.
    return pieces.zip(
        scores,
        integers().between(0, 3),
        (ps, ss, mode) -> {
          Vocab v = new Vocab();
          if (mode > 0) {
            v.pieces.add("<unk>");
            v.scores.add(0.0);
            v.unkId = 0;
          }
          for (int i = 0; i < ps.size(); i++) {
            v.pieces.add(ps.get(i));
            v.scores.add(SCORES[ss.get(i)]);
          }
          if (mode >= 2) {
            v.byteFallback = true;
            for (int b = 0; b < (mode == 2 ? 256 : 0xC0); b++) {
              v.pieces.add(String.format("<0x%02X>", b));
              v.scores.add(-5.0);
            }
          }
          return v;
        });
  }

  /** The plain algorithm: "id:value@start-end" per token, or "error" if it needs a missing unk. */
  static List<String> viterbi(Vocab v, String text) {
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < v.pieces.size(); i++) {
      ids.put(v.pieces.get(i), i);
    }
    double min = v.scores.stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
    double unkScore = min - 10;
    int n = text.length();
    double[] best = new double[n + 1];
    int[] from = new int[n + 1];
    int[] id = new int[n + 1];
    Arrays.fill(from, -1);
    for (int start = 0; start < n; ) {
      int charEnd = start + Character.charCount(text.codePointAt(start));
      boolean single = false;
      for (int end = start + 1; end <= n; end++) {
        Integer p = ids.get(text.substring(start, end));
        if (p == null) {
          continue;
        }
        double candidate = best[start] + v.scores.get(p);
        if (from[end] < 0 || candidate > best[end]) {
          best[end] = candidate;
          from[end] = start;
          id[end] = p;
        }
        single |= end == charEnd;
      }
      if (!single) {
        double candidate = best[start] + unkScore;
        if (from[charEnd] < 0 || candidate > best[charEnd]) {
          if (v.unkId < 0) {
            return List.of("error");
          }
          best[charEnd] = candidate;
          from[charEnd] = start;
          id[charEnd] = v.unkId;
        }
      }
      start = charEnd;
    }
    // Back from the end: pieces, with runs of unknown pieces fused.
    List<int[]> spans = new ArrayList<>();
    int fusedEnd = -1;
    for (int end = n; end > 0; end = from[end]) {
      if (v.unkId >= 0 && id[end] == v.unkId) {
        fusedEnd = fusedEnd < 0 ? end : fusedEnd;
      } else {
        if (fusedEnd >= 0) {
          spans.add(new int[] {end, fusedEnd});
          fusedEnd = -1;
        }
        spans.add(new int[] {from[end], end});
      }
    }
    if (fusedEnd >= 0) {
      spans.add(new int[] {0, fusedEnd});
    }
    List<String> out = new ArrayList<>();
    for (int i = spans.size() - 1; i >= 0; i--) {
      int a = spans.get(i)[0];
      int b = spans.get(i)[1];
      String piece = text.substring(a, b);
      Integer p = ids.get(piece);
      if (p != null) {
        out.add(p + ":" + piece + "@" + a + "-" + b);
        continue;
      }
      if (v.byteFallback) {
        List<String> bytes = new ArrayList<>();
        for (byte x : piece.getBytes(StandardCharsets.UTF_8)) {
          String name = String.format("<0x%02X>", x & 0xFF);
          Integer q = ids.get(name);
          if (q == null) {
            bytes = null;
            break;
          }
          bytes.add(q + ":" + name + "@" + a + "-" + b);
        }
        if (bytes != null) {
          out.addAll(bytes);
          continue;
        }
      }
      if (v.unkId < 0) {
        return List.of("error");
      }
      out.add(v.unkId + ":" + piece + "@" + a + "-" + b);
    }
    return out;
  }

  static List<String> run(Unigram u, String text) {
    List<String> out = new ArrayList<>();
    try {
      u.tokenize(text, (id, value, start, end) -> out.add(id + ":" + value + "@" + start + "-" + end));
    } catch (IllegalStateException e) {
      return List.of("error");
    }
    return out;
  }

  @Test
  void latticeEqualsAPlainViterbiAndTheCacheReplaysIt() {
    qt().withExamples(4000)
        .forAll(vocab(), word(12))
        .checkAssert(
            (v, text) -> {
              Unigram u = v.build();
              List<String> expected = viterbi(v, text);
              assertThat(run(u, text)).as("first").isEqualTo(expected);
              assertThat(run(u, text)).as("cached").isEqualTo(expected);
            });
  }

  @Test
  void manyPiecesAllReplayFromTheCache() {
    Vocab v = new Vocab();
    v.pieces.add("<unk>");
    v.scores.add(0.0);
    v.unkId = 0;
    for (String p : List.of("a", "b", "ab", "ba", "\u2581", "\u2581a")) {
      v.pieces.add(p);
      v.scores.add(-1.0 - p.length() * 0.3);
    }
    Unigram u = v.build();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      texts.add("\u2581" + Integer.toBinaryString(i).replace('0', 'a').replace('1', 'b') + "x");
    }
    for (int pass = 0; pass < 2; pass++) {
      for (String t : texts) {
        assertThat(run(u, t)).isEqualTo(viterbi(v, t));
      }
    }
    assertThat(u.cacheSize()).isEqualTo(10_000);
    u.clearCache();
    assertThat(u.cacheSize()).isZero();
    for (String t : texts.subList(10_000, 12_000)) {
      assertThat(run(u, t)).isEqualTo(viterbi(v, t));
    }
    // Pieces unseen before the clear are cached now.
    assertThat(u.cacheSize()).isEqualTo(2_000);
  }

  @Test
  void threadsSharingTheCacheAllSeeTheSameTokens() throws Exception {
    Vocab v = new Vocab();
    v.pieces.add("<unk>");
    v.scores.add(0.0);
    v.unkId = 0;
    for (String p : List.of("a", "b", "ab", "ba", "aab", "\u2581", "\u2581b")) {
      v.pieces.add(p);
      v.scores.add(-1.0 - p.length() * 0.4);
    }
    Unigram u = v.build();
    List<String> texts = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String t = "\u2581" + Integer.toString(i, 3).replace('0', 'a').replace('1', 'b').replace('2', 'x');
      texts.add(t);
      expected.add(viterbi(v, t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int offset = w * 700;
        done.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  for (int pass = 0; pass < 3; pass++) {
                    for (int i = 0; i < texts.size(); i++) {
                      int k = (i + offset) % texts.size();
                      assertThat(run(u, texts.get(k))).isEqualTo(expected.get(k));
                      checked++;
                    }
                  }
                  return checked;
                }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(9_000);
      }
    } finally {
      pool.shutdownNow();
    }
    // Threads missing the same piece at once may both add it; the cap still holds.
    assertThat(u.cacheSize()).isBetween(3_000, 10_000);
  }
}
