package ai.boinc.transformers.tokenizers;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Invariants of truncation and padding on random texts and settings. QuickTheories prints the
 * seed of a failing run; set {@code -DQT_SEED=<seed>} to replay it.
 */
class TruncationPaddingPropertyTest {
  private static PretrainedTokenizer bert;

  @BeforeAll
  static void load() {
    bert = Tokenizers.fromDirectory(Fixtures.tokenizerDir("bert-base-uncased"));
  }

  private static Gen<String> text() {
    Gen<String> word =
        Generate.pick(
            List.of("hello", "unaffable", "tokenization", "a", "!", "中文", "naïve", "[SEP]", "x1y2",
                "😀", "can't", "2024", "ok"));
    return lists().of(word).ofSizeBetween(0, 25).map(ws -> String.join(" ", ws));
  }

  private static Gen<Truncation> truncation() {
    return integers()
        .between(0, 24)
        .zip(integers().between(0, 6), Generate.enumValues(Truncation.Direction.class), (max, stride, dir) ->
            Truncation.newBuilder()
                .maxLength(max)
                .stride(Math.max(0, Math.min(stride, max - 4)))
                .direction(dir)
                .build());
  }

  private static EncodeOptions options(Truncation t, boolean add) {
    return EncodeOptions.newBuilder().addSpecialTokens(add).truncation(t).noPadding().build();
  }

  @Test
  void everyWindowFitsTheLimit() {
    qt().withExamples(400)
        .forAll(text(), truncation(), Generate.booleans())
        .checkAssert(
            (text, t, add) -> {
              int added = add ? 2 : 0;
              if (t.maxLength() < added || (t.maxLength() - added > 0 && t.stride() >= t.maxLength() - added)) {
                return;
              }
              Encoding e = bert.encode(text, options(t, add));
              check(e.size() <= t.maxLength(), "main has " + e.size() + " tokens, limit " + t.maxLength());
              if (t.maxLength() == added) {
                // A limit of 0 sends the whole sequence, in one piece, to overflowing.
                check(e.overflowing().size() <= 1, "more than one window for a limit of 0");
                return;
              }
              for (Encoding o : e.overflowing()) {
                check(o.size() <= t.maxLength(), "window has " + o.size() + " tokens");
              }
            });
  }

  @Test
  void windowsReassembleTheInputWithTheStrideOverlap() {
    qt().withExamples(400)
        .forAll(text(), truncation())
        .checkAssert(
            (text, t) -> {
              if (t.maxLength() == 0 || t.stride() >= t.maxLength()) {
                return;
              }
              int[] full = bert.encode(text, EncodeOptions.newBuilder().addSpecialTokens(false).noTruncation().build()).ids();
              Encoding e = bert.encode(text, options(t, false));
              List<Encoding> windows = new ArrayList<>();
              windows.add(e);
              windows.addAll(e.overflowing());
              boolean left = t.direction() == Truncation.Direction.LEFT;
              if (left) {
                // Cutting left, the main window is the end of the text and the others go backwards.
                Collections.reverse(windows);
              }
              List<Integer> joined = new ArrayList<>();
              for (int w = 0; w < windows.size(); w++) {
                int[] ids = windows.get(w).ids();
                for (int i = w == 0 ? 0 : t.stride(); i < ids.length; i++) {
                  joined.add(ids[i]);
                }
              }
              int[] got = joined.stream().mapToInt(Integer::intValue).toArray();
              // The reference tokenizes only up to the limit, so the windows cover a prefix (or,
              // cutting left, a suffix) of the full encoding, at least the limit long.
              int[] expected =
                  left
                      ? Arrays.copyOfRange(full, full.length - got.length, full.length)
                      : Arrays.copyOf(full, got.length);
              check(got.length <= full.length, "windows hold more tokens than the text");
              check(got.length >= Math.min(full.length, t.maxLength()), "windows lost tokens");
              check(Arrays.equals(got, expected), "windows " + Arrays.toString(got) + " vs " + Arrays.toString(full));
            });
  }

  @Test
  void paddingReachesTheTargetAndNeverChangesRealTokens() {
    qt().withExamples(300)
        .forAll(text(), integers().between(0, 40), integers().between(0, 9), Generate.enumValues(Padding.Direction.class))
        .checkAssert(
            (text, fixed, multiple, direction) -> {
              Padding p =
                  Padding.newBuilder().fixedLength(fixed).padToMultipleOf(multiple).direction(direction).padId(7).build();
              Encoding plain = bert.encode(text);
              Encoding padded = bert.encode(text, EncodeOptions.newBuilder().padding(p).build());
              int target = Math.max(plain.size(), p.targetLength(plain.size()));
              check(padded.size() == target, "size " + padded.size() + " != " + target);
              int real = Arrays.stream(padded.attentionMask()).sum();
              check(real == plain.size(), "attention mask counts " + real + " of " + plain.size());
              int shift = direction == Padding.Direction.LEFT ? padded.size() - plain.size() : 0;
              for (int i = 0; i < plain.size(); i++) {
                check(padded.id(i + shift) == plain.id(i), "token " + i + " changed");
                check(padded.startOffset(i + shift) == plain.startOffset(i), "offset " + i + " changed");
              }
            });
  }

  @Test
  void aBatchIsPaddedToItsLongestRoundedUp() {
    qt().withExamples(150)
        .forAll(lists().of(text()).ofSizeBetween(1, 5), integers().between(0, 8))
        .checkAssert(
            (texts, multiple) -> {
              Padding p = Padding.newBuilder().padToMultipleOf(multiple).build();
              List<Encoding> batch = bert.encodeBatch(texts, EncodeOptions.newBuilder().padding(p).build());
              int longest = 0;
              for (String t : texts) {
                longest = Math.max(longest, bert.encode(t).size());
              }
              for (Encoding e : batch) {
                check(e.size() == p.targetLength(longest), "size " + e.size());
              }
            });
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }
}
