package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Truncation and padding through a real tokenizer; expectations checked against reference 0.23.2. */
class TruncationPaddingTest {
  private static PretrainedTokenizer bert;
  private static PretrainedTokenizer minilm;

  @BeforeAll
  static void load() {
    bert = Tokenizers.fromDirectory(Fixtures.tokenizerDir("bert-base-uncased"));
    // The raw layer: tokenizer.json's own truncation and padding apply.
    minilm = Tokenizers.fromFile(Fixtures.tokenizerDir("all-minilm-l6-v2").resolve("tokenizer.json"));
  }

  private static EncodeOptions truncate(Truncation t) {
    return EncodeOptions.newBuilder().truncation(t).build();
  }

  @Test
  void tokenizerJsonDefaults() {
    assertThat(bert.truncation()).isEmpty();
    assertThat(bert.padding()).isEmpty();
    assertThat(minilm.truncation()).hasValue(Truncation.toMaxLength(256));
    assertThat(minilm.padding())
        .hasValue(Padding.newBuilder().padToMultipleOf(8).padToken("[PAD]").build());
    Encoding e = minilm.encode("hello world");
    assertThat(e.tokens()).containsExactly("[CLS]", "hello", "world", "[SEP]", "[PAD]", "[PAD]", "[PAD]", "[PAD]");
    assertThat(e.attentionMask()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0);
    Encoding plain = minilm.encode("hello world", EncodeOptions.newBuilder().noPadding().build());
    assertThat(plain.size()).isEqualTo(4);
  }

  @Test
  void specialTokensCountTowardsTheLimitAndWindowsRepeatTheStride() {
    Encoding e =
        bert.encode(
            "one two three four five six seven",
            truncate(Truncation.newBuilder().maxLength(5).stride(1).build()));
    assertThat(e.tokens()).containsExactly("[CLS]", "one", "two", "three", "[SEP]");
    assertThat(e.overflowing()).hasSize(1);
    assertThat(e.overflowing().get(0).tokens())
        .containsExactly("[CLS]", "three", "four", "five", "[SEP]");
  }

  @Test
  void tokenizingStopsAtTheLimitAsInTheReference() {
    // Only the first words up to max_length tokens are tokenized: no window for six, seven.
    Encoding e =
        bert.encode(
            "one two three four five six seven",
            EncodeOptions.newBuilder()
                .addSpecialTokens(false)
                .truncation(Truncation.toMaxLength(3))
                .build());
    assertThat(e.tokens()).containsExactly("one", "two", "three");
    assertThat(e.overflowing()).isEmpty();
  }

  @Test
  void leftTruncationKeepsTheEnd() {
    Encoding e =
        bert.encode(
            "unaffable hello unaffable world foo bar",
            EncodeOptions.newBuilder()
                .addSpecialTokens(false)
                .truncation(
                    Truncation.newBuilder().maxLength(4).direction(Truncation.Direction.LEFT).build())
                .build());
    assertThat(e.tokens()).containsExactly("##ble", "world", "foo", "bar");
    assertThat(e.overflowing().get(0).tokens()).containsExactly("una", "##ffa");
  }

  @Test
  void referenceErrorsBecomeIllegalArgumentExceptions() {
    Truncation onlySecond =
        Truncation.newBuilder().maxLength(4).strategy(Truncation.Strategy.ONLY_SECOND).build();
    assertThatThrownBy(() -> bert.encode("one two three four five six", truncate(onlySecond)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Second sequence not provided");
    Truncation bigStride = Truncation.newBuilder().maxLength(4).stride(3).build();
    assertThatThrownBy(() -> bert.encode("one two three four five six", truncate(bigStride)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stride");
  }

  @Test
  void aLimitBelowTheSpecialTokensTruncatesNothing() {
    // The reference subtracts the special tokens in unsigned arithmetic and wraps around.
    Encoding e = bert.encode("one", truncate(Truncation.toMaxLength(1)));
    assertThat(e.tokens()).containsExactly("[CLS]", "one", "[SEP]");
  }

  @Test
  void batchPaddingPadsToTheLongest() {
    List<Encoding> batch =
        bert.encodeBatch(
            List.of("a", "a b c", "a b"),
            EncodeOptions.newBuilder().padding(Padding.newBuilder().direction(Padding.Direction.LEFT).build()).build());
    assertThat(batch).extracting(Encoding::size).containsExactly(5, 5, 5);
    assertThat(batch.get(0).tokens()).containsExactly("[PAD]", "[PAD]", "[CLS]", "a", "[SEP]");
  }
}
