package ai.boinc.transformers.tokenizers.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Truncation;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions.PaddingStrategy;
import ai.boinc.transformers.tokenizers.BatchEncoding;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.MissingPadTokenException;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.PretrainedTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.tokenizers.WhisperTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of issue 12 (expected values from the Transformers.js expectation files) and the
 * call options Transformers.js has no expectation for: truncation side, multiple-of padding,
 * overflowing windows, the flat tensor forms.
 */
class ModelTokenizerTest {
  private static final String WORDS = "alpha beta gamma delta epsilon ";

  @TempDir Path temp;

  private static ModelTokenizer model(String name) {
    return Tokenizers.fromDirectory(Fixtures.tokenizerDir(name));
  }

  private static PretrainedTokenizer raw(String name) {
    return Tokenizers.fromFile(Fixtures.tokenizerDir(name).resolve("tokenizer.json"));
  }

  /** The first Transformers.js line of {@code kind} whose {@code field} is {@code value}. */
  private static JsonNode tjs(String model, String kind, String field, String value) {
    for (JsonNode line : TransformersJsExpectations.lines(model)) {
      if (line.get("kind").asText().equals(kind) && (field == null || line.path(field).asText().equals(value))
          && !line.has("options") && !line.hasNonNull("pair")) {
        return line;
      }
    }
    throw new AssertionError("no " + kind + " line with " + field + "=" + value + " for " + model);
  }

  @Test
  void allMiniLmOneWordIsNotPaddedByItsTokenizerJson() {
    JsonNode expected = tjs("all-minilm-l6-v2", "encode", "text", "🤗").get("result").get("input_ids");
    ModelTokenizer minilm = model("all-minilm-l6-v2");

    assertThat(Arrays.toString(minilm.encode("🤗").ids())).isEqualTo(expected.toString().replace(",", ", "));
    assertThat(minilm.padding()).isEmpty();
    assertThat(minilm.truncation()).isEmpty();
    // The raw layer keeps tokenizer.json's padding to a multiple of 8.
    assertThat(raw("all-minilm-l6-v2").encode("🤗").size()).isEqualTo(8);
  }

  @Test
  void allMiniLmLongTextIsCutOnlyWhenAskedAndThenToModelMaxLength() {
    ModelTokenizer minilm = model("all-minilm-l6-v2");
    String text = WORDS.repeat(120);
    int full = raw("all-minilm-l6-v2").encode(text, EncodeOptions.newBuilder().noTruncation().noPadding().build()).size();

    assertThat(full).isGreaterThan(512);
    assertThat(minilm.encode(text).size()).isEqualTo(full);
    assertThat(minilm.countTokens(text)).isEqualTo(full);
    BatchEncoding cut = minilm.batchEncode(List.of(text), BatchEncodeOptions.newBuilder().truncation(true).build());
    assertThat(cut.encoding(0).size()).isEqualTo(minilm.modelMaxLength().getAsLong()).isEqualTo(512);
  }

  @Test
  void qwen3PadsWithItsConfigPadToken() {
    JsonNode info = tjs("qwen3", "info", null, null);
    ModelTokenizer qwen = model("qwen3");

    assertThat(qwen.padTokenId()).hasValue(info.get("pad_token_id").asInt());
    BatchEncoding batch = qwen.batchEncode(List.of("a", "how are you"),
        BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).build());
    assertThat(batch.inputIds()[0][1]).isEqualTo(info.get("pad_token_id").asLong());
  }

  @Test
  void llama2RefusesToPadWithoutAPadTokenAndSaysHowToChooseOne() {
    ModelTokenizer llama = model("llama-2");

    assertThat(llama.padToken()).isEmpty();
    assertThatThrownBy(() -> llama.batchEncode(List.of("a", "b c"),
            BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).build()))
        .isInstanceOfSatisfying(MissingPadTokenException.class, e -> assertThat(e.model()).isEqualTo("llama-2"))
        .hasMessageContaining("llama-2")
        .hasMessageContaining("withPadToken");
    assertThat(llama.withPadToken("</s>").padTokenId()).isEqualTo(llama.eosTokenId());
    assertThatThrownBy(() -> llama.withPadToken("<no such token>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<no such token>");
  }

  @Test
  void clipDecodesWordsAndPadsWithEndOfText() {
    ModelTokenizer clip = model("clip");
    JsonNode info = tjs("clip", "info", null, null);
    int[] ids = clip.encode("how are you").ids();

    assertThat(clip.padTokenId()).hasValue(info.get("pad_token_id").asInt());
    for (JsonNode line : TransformersJsExpectations.lines("clip")) {
      if (line.get("kind").asText().equals("decode") && line.get("ids").toString().equals(Arrays.toString(ids).replace(" ", ""))) {
        DecodeOptions options = DecodeOptions.newBuilder()
            .skipSpecialTokens(line.get("skip_special_tokens").asBoolean()).build();
        if (line.get("clean_up_tokenization_spaces").isNull()) {
          assertThat(clip.decode(ids, options)).isEqualTo(line.get("text").asText());
        }
      }
    }
    assertThat(clip.decode(ids, DecodeOptions.skipSpecialTokens())).isEqualTo(
        TransformersJsExpectations.lines("clip").stream()
            .filter(l -> l.get("kind").asText().equals("decode") && l.get("skip_special_tokens").asBoolean()
                && l.get("ids").toString().equals(Arrays.toString(ids).replace(" ", "")))
            .findFirst().orElseThrow().get("text").asText());
  }

  @Test
  void spacesAreCleanedUpWhenTheConfigDoesNotSay() {
    ModelTokenizer minilm = model("all-minilm-l6-v2");
    String text = "I should ' ve known , is n't it ?";
    int[] ids = minilm.encode(text).ids();
    JsonNode line = TransformersJsExpectations.lines("all-minilm-l6-v2").stream()
        .filter(l -> l.get("kind").asText().equals("decode") && l.get("skip_special_tokens").asBoolean()
            && l.get("ids").toString().equals(Arrays.toString(ids).replace(" ", "")))
        .findFirst().orElseThrow();

    assertThat(minilm.tokenizerConfig().cleanUpTokenizationSpaces()).isEmpty();
    assertThat(minilm.decode(ids, DecodeOptions.skipSpecialTokens())).isEqualTo(line.get("text").asText()).contains("should've");
  }

  @Test
  void leftTruncationSideKeepsTheLastTokens() throws IOException {
    Path dir = ConfigVariants.folder(temp, "all-minilm-l6-v2", "{\"truncation_side\": \"left\", \"pad_token\": \"[PAD]\"}");
    ModelTokenizer left = Tokenizers.fromDirectory(dir);
    int[] full = left.encode("one two three four five six seven").ids();

    BatchEncoding cut = left.batchEncode(List.of("one two three four five six seven"),
        BatchEncodeOptions.newBuilder().truncation(true).maxLength(4).build());
    assertThat(left.truncationSide()).isEqualTo(Truncation.Direction.LEFT);
    assertThat(cut.encoding(0).ids()).containsExactly(Arrays.copyOfRange(full, full.length - 4, full.length));
  }

  @Test
  void padToMultipleOfRoundsUpAndKeepsTheIds() {
    ModelTokenizer minilm = model("all-minilm-l6-v2");
    List<String> texts = List.of("hello", "hello world, this is longer");

    BatchEncoding batch = minilm.batchEncode(texts,
        BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).padToMultipleOf(8).build());
    long longest = minilm.countTokens(texts.get(1));
    assertThat(batch.shape()).containsExactly(2, (longest + 7) / 8 * 8);
    int[] plain = minilm.encode(texts.get(0)).ids();
    for (int i = 0; i < plain.length; i++) {
      assertThat(batch.inputIds()[0][i]).isEqualTo(plain[i]);
    }
    assertThat(batch.attentionMask()[0][plain.length]).isZero();
  }

  @Test
  void overflowingWindowsAreRowsAsTheRawLayersTruncationMakesThem() {
    ModelTokenizer bert = model("bert-base-uncased");
    String text = "one two three four five six seven eight nine ten";

    BatchEncoding rows = bert.batchEncode(List.of("short", text),
        BatchEncodeOptions.newBuilder().maxLength(6).stride(2).returnOverflowingTokens(true).build());
    Encoding reference = raw("bert-base-uncased").encode(text,
        EncodeOptions.newBuilder().truncation(Truncation.newBuilder().maxLength(6).stride(2).build()).build());
    assertThat(rows.size()).isEqualTo(2 + reference.overflowing().size());
    assertThat(rows.overflowToSampleMapping()[0]).isZero();
    assertThat(rows.encoding(1).ids()).containsExactly(reference.ids());
    for (int i = 0; i < reference.overflowing().size(); i++) {
      assertThat(rows.encoding(2 + i).ids()).containsExactly(reference.overflowing().get(i).ids());
      assertThat(rows.overflowToSampleMapping()[2 + i]).isEqualTo(1);
    }
  }

  @Test
  void maxLengthPaddingNeedsALengthWhenTheModelHasNone() {
    ModelTokenizer llama = model("llama-2").withPadToken("</s>");

    assertThat(llama.modelMaxLength()).isEmpty();
    assertThatThrownBy(() -> llama.batchEncode(List.of("a"),
            BatchEncodeOptions.newBuilder().padding(PaddingStrategy.MAX_LENGTH).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLength");
  }

  @Test
  void flatFormsAreRowMajorAndRefuseRaggedRows() {
    ModelTokenizer minilm = model("all-minilm-l6-v2");
    List<String> texts = List.of("a", "b c d");

    BatchEncoding padded = minilm.batchEncode(texts, BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).build());
    long[][] ids = padded.inputIds();
    assertThat(padded.flatInputIds()).containsExactly(concat(ids));
    assertThat(padded.flatAttentionMask()).containsExactly(concat(padded.attentionMask()));
    assertThat(padded.flatTokenTypeIds()).containsExactly(concat(padded.tokenTypeIds()));
    BatchEncoding ragged = minilm.batchEncode(texts);
    assertThat(ragged.isRectangular()).isFalse();
    assertThatThrownBy(ragged::flatInputIds).isInstanceOf(IllegalStateException.class).hasMessageContaining("padding");
    assertThat(minilm.batchDecode(ids, DecodeOptions.skipSpecialTokens())).containsExactly("a", "b c d");
  }

  @Test
  void longIdsThatAreNoTokenIdsAreRefused() {
    assertThatThrownBy(() -> model("gpt2").decode(new long[] {1L << 40}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1099511627776");
  }

  @Test
  void unknownIdsDecodeAsTheUnknownToken() {
    ModelTokenizer bert = model("bert-base-uncased");

    assertThat(bert.decode(new int[] {7592, 999_999})).isEqualTo(bert.decode(new int[] {7592, 100}));
  }

  @Test
  void tokenizerClassesAreChosenByNameWithoutFast() throws IOException {
    assertThat(Tokenizers.fromDirectory(ConfigVariants.folder(temp, "gpt2", "{\"tokenizer_class\": \"LlamaTokenizerFast\", \"bos_token\": \"<|endoftext|>\"}")).tokenizerClass())
        .isEqualTo("LlamaTokenizer");
    ModelTokenizer unknown = Tokenizers.fromDirectory(ConfigVariants.folder(temp, "gpt2", "{\"tokenizer_class\": \"NoSuchTokenizer\"}"));
    assertThat(unknown.tokenizerClass()).isEqualTo("PreTrainedTokenizer");
    assertThat(unknown.returnsTokenTypeIds()).isFalse();
    assertThat(model("bert-base-chinese").returnsTokenTypeIds()).isTrue();
  }

  @Test
  void chatTemplatesComeFromTheConfigOrTheJinjaFile() throws IOException {
    assertThat(model("qwen3").chatTemplates()).containsOnlyKeys("default");
    Path dir = ConfigVariants.folder(temp, "gpt2", "{}");
    Files.writeString(dir.resolve("chat_template.jinja"), "{{ messages }}");
    assertThat(Tokenizers.fromDirectory(dir).chatTemplates()).containsEntry("default", "{{ messages }}");
  }

  @Test
  void whisperPrefixIsStartLanguageTaskAndNoTimestampsAsPython() {
    WhisperTokenizer whisper = (WhisperTokenizer) Tokenizers.fromDirectory(TransformersJsExpectations.dir("whisper-synthetic"));
    int start = whisper.tokenToId("<|startoftranscript|>").getAsInt();
    int none = whisper.tokenToId("<|notimestamps|>").getAsInt();

    assertThat(whisper.prefixTokenIds(Optional.of("de"), Optional.of("transcribe"), false))
        .containsExactly(start, whisper.tokenToId("<|de|>").getAsInt(), whisper.tokenToId("<|transcribe|>").getAsInt(), none);
    assertThat(whisper.prefixTokenIds(Optional.of("<|FR|>"), Optional.of("translate"), true))
        .containsExactly(start, whisper.tokenToId("<|fr|>").getAsInt(), whisper.tokenToId("<|translate|>").getAsInt());
    assertThat(whisper.prefixTokenIds(Optional.empty(), Optional.empty(), false)).containsExactly(start, none);
    assertThatThrownBy(() -> whisper.prefixTokenIds(Optional.of("xx"), Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xx'");
    assertThatThrownBy(() -> whisper.prefixTokenIds(Optional.empty(), Optional.of("summarize"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summarize");
    assertThat(whisper.withPadToken("<|endoftext|>")).isInstanceOf(WhisperTokenizer.class);
  }


  private static long[] concat(long[][] rows) {
    return Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
  }
}
