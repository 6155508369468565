package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.tokenizers.internal.NormalizerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed tokenizer.json files fail with TokenizerLoadException naming the JSON path. */
class LoadErrorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A small valid llama-style tokenizer.json. */
  private static ObjectNode valid() {
    try {
      return (ObjectNode)
          JSON.readTree(
              "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,"
                  + "\"added_tokens\":[{\"id\":0,\"content\":\"<s>\",\"special\":true,\"normalized\":false}],"
                  + "\"normalizer\":{\"type\":\"Sequence\",\"normalizers\":["
                  + "{\"type\":\"Prepend\",\"prepend\":\"▁\"},"
                  + "{\"type\":\"Replace\",\"pattern\":{\"String\":\" \"},\"content\":\"▁\"}]},"
                  + "\"pre_tokenizer\":null,"
                  + "\"post_processor\":{\"type\":\"TemplateProcessing\","
                  + "\"single\":[{\"SpecialToken\":{\"id\":\"<s>\",\"type_id\":0}},{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}],"
                  + "\"pair\":[{\"Sequence\":{\"id\":\"A\",\"type_id\":0}},{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}],"
                  + "\"special_tokens\":{\"<s>\":{\"id\":\"<s>\",\"ids\":[0],\"tokens\":[\"<s>\"]}}},"
                  + "\"decoder\":{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"Fuse\"},"
                  + "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]},"
                  + "\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,"
                  + "\"vocab\":{\"<s>\":0,\"a\":1,\"b\":2,\"ab\":3,\"▁\":4},\"merges\":[\"a b\"]}}");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static TokenizerLoadException loadError(Consumer<ObjectNode> breakIt) {
    ObjectNode json = valid();
    breakIt.accept(json);
    return catchThrowableOfType(
        TokenizerLoadException.class, () -> Tokenizers.fromJson(json.toString()));
  }

  private static ObjectNode obj(ObjectNode root, String... path) {
    ObjectNode n = root;
    for (String p : path) {
      n = (ObjectNode) n.get(p);
    }
    return n;
  }

  @Test
  void theBaseFileLoadsAndEncodes() {
    PretrainedTokenizer t = Tokenizers.fromJson(valid().toString());
    assertThat(t.encode("ab").ids()).containsExactly(0, 4, 3);
  }

  @Test
  void unknownNormalizerTypeNamesPathAndSupportedTypes() {
    TokenizerLoadException e =
        loadError(
            j -> ((ArrayNode) obj(j, "normalizer").get("normalizers")).addObject().put("type", "Foo"));
    assertThat(e)
        .hasMessage(
            "unknown normalizer type 'Foo' at $.normalizer.normalizers[2]; supported: "
                + String.join(", ", NormalizerFactory.TYPES));
    assertThat(NormalizerFactory.TYPES).contains("Prepend", "Replace");
    assertThat(e.jsonPath()).hasValue("$.normalizer.normalizers[2]");
  }

  @Test
  void referenceTypeNotImplementedYetIsNamed() {
    TokenizerLoadException e = loadError(j -> j.putObject("pre_tokenizer").put("type", "FixedLength"));
    assertThat(e.getMessage())
        .contains("pre_tokenizer type 'FixedLength' at $.pre_tokenizer is not supported yet");
  }

  @Test
  void wrongTypeOfField() {
    TokenizerLoadException e = loadError(j -> obj(j, "model", "vocab").put("a", "one"));
    assertThat(e.getMessage()).contains("$.model.vocab.a").contains("non-negative integer");
    TokenizerLoadException prepend =
        loadError(j -> ((ObjectNode) obj(j, "normalizer").get("normalizers").get(0)).put("prepend", 3));
    assertThat(prepend.jsonPath()).hasValue("$.normalizer.normalizers[0].prepend");
  }

  @Test
  void missingFields() {
    assertThat(loadError(j -> j.remove("model")).jsonPath()).hasValue("$.model");
    assertThat(loadError(j -> obj(j, "model").remove("merges")).jsonPath()).hasValue("$.model.merges");
    assertThat(loadError(j -> obj(j, "decoder").remove("type")).getMessage())
        .contains("missing \"type\" of decoder at $.decoder");
  }

  @Test
  void mergeNamingTokenMissingFromVocab() {
    TokenizerLoadException e = loadError(j -> ((ArrayNode) obj(j, "model").get("merges")).add("a zz"));
    assertThat(e.jsonPath()).hasValue("$.model.merges[1]");
    assertThat(e.getMessage()).contains("'zz' is not in the vocabulary");
    TokenizerLoadException arrayForm =
        loadError(j -> ((ArrayNode) obj(j, "model").get("merges")).addArray().add("b").add("a"));
    assertThat(arrayForm.getMessage()).contains("$.model.merges[1]").contains("'ba'");
  }

  @Test
  void badMergeLine() {
    assertThat(loadError(j -> ((ArrayNode) obj(j, "model").get("merges")).add("a b c")).getMessage())
        .contains("$.model.merges[1]")
        .contains("two tokens");
  }

  @Test
  void dropoutIsRefused() {
    assertThat(loadError(j -> obj(j, "model").put("dropout", 0.1)).jsonPath())
        .hasValue("$.model.dropout");
  }

  @Test
  void templateUsingUnknownSpecialToken() {
    TokenizerLoadException e =
        loadError(j -> obj(j, "post_processor").remove("special_tokens"));
    assertThat(e.getMessage()).contains("$.post_processor.single[0]").contains("'<s>'");
  }

  @Test
  void invalidRegex() {
    TokenizerLoadException e =
        loadError(
            j -> ((ObjectNode) obj(j, "normalizer").get("normalizers").get(1))
                .putObject("pattern").put("Regex", "(unclosed"));
    assertThat(e.jsonPath()).hasValue("$.normalizer.normalizers[1].pattern.Regex");
  }

  @Test
  void stripContentMustBeOneCharacter() {
    assertThat(
            loadError(j -> ((ObjectNode) obj(j, "decoder").get("decoders").get(1)).put("content", "ab"))
                .jsonPath())
        .hasValue("$.decoder.decoders[1].content");
  }

  @Test
  void truncationInsideTheFileNeedsTheReferenceFields() {
    assertThat(loadError(j -> j.putObject("truncation").put("max_length", 3)).jsonPath())
        .hasValue("$.truncation.stride");
    assertThat(
            loadError(
                    j ->
                        j.putObject("truncation")
                            .put("max_length", 3)
                            .put("stride", 0)
                            .put("strategy", "longest_first"))
                .getMessage())
        .contains("$.truncation.strategy")
        .contains("LongestFirst");
    assertThat(
            loadError(
                    j ->
                        j.putObject("truncation")
                            .put("max_length", -1)
                            .put("stride", 0)
                            .put("strategy", "LongestFirst"))
                .jsonPath())
        .hasValue("$.truncation.max_length");
  }

  @Test
  void paddingInsideTheFileNeedsTheReferenceFields() {
    assertThat(loadError(j -> j.putObject("padding").put("strategy", "BatchLongest")).jsonPath())
        .hasValue("$.padding.direction");
    assertThat(
            loadError(
                    j ->
                        j.putObject("padding")
                            .put("strategy", "Longest")
                            .put("direction", "Right"))
                .jsonPath())
        .hasValue("$.padding.strategy");
    ObjectNode fixed = JSON.createObjectNode();
    fixed.putObject("strategy").put("Fixed", "ten");
    assertThat(loadError(j -> j.set("padding", fixed)).jsonPath())
        .hasValue("$.padding.strategy.Fixed");
  }

  @Test
  void invalidAndTruncatedJson(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> Tokenizers.fromJson("{\"model\": [1, 2"))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Tokenizers.fromJson("{} {}"))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Tokenizers.fromJson("[]"))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("expected a tokenizer.json object at $");
    String text = valid().toString();
    Path file = dir.resolve("tokenizer.json");
    Files.write(file, text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Tokenizers.fromFile(file))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining(file.toString());
    Files.write(file, new byte[0]);
    assertThatThrownBy(() -> Tokenizers.fromFile(file)).isInstanceOf(TokenizerLoadException.class);
    assertThatThrownBy(() -> Tokenizers.fromFile(dir.resolve("missing.json")))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> Tokenizers.fromDirectory(dir.resolve("nothing-here")))
        .isInstanceOf(TokenizerLoadException.class);
  }

  @Test
  void aMalformedComponentInAFileNamesTheFileAndKeepsItsJsonPath(@TempDir Path dir) throws IOException {
    ObjectNode json = valid();
    obj(json, "decoder").put("type", "NoSuchDecoder");
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, json.toString());

    for (ThrowingSupplier load : new ThrowingSupplier[] {() -> Tokenizers.fromFile(file), () -> Tokenizers.fromDirectory(dir)}) {
      TokenizerLoadException e = catchThrowableOfType(TokenizerLoadException.class, load::get);
      assertThat(e.getMessage()).startsWith(file + ": ").contains("NoSuchDecoder", "$.decoder");
      assertThat(e.jsonPath()).isPresent();
    }
  }

  interface ThrowingSupplier {
    Object get();
  }

  @Test
  void badConfigNamesFileAndPath(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("tokenizer.json"), valid().toString());
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"add_bos_token\": \"yes\"}");
    TokenizerLoadException e =
        catchThrowableOfType(TokenizerLoadException.class, () -> Tokenizers.fromDirectory(dir));
    assertThat(e.getMessage()).contains("tokenizer_config.json").contains("$.add_bos_token");
  }

  @Test
  void catastrophicRegexIsRefusedAtItsPath() {
    TokenizerLoadException e =
        loadError(
            j -> ((ObjectNode) obj(j, "normalizer").get("normalizers").get(1))
                .putObject("pattern").put("Regex", "(a*){1,25}b"));
    assertThat(e.jsonPath()).hasValue("$.normalizer.normalizers[1].pattern.Regex");
    assertThat(e.getMessage()).contains("backtracks catastrophically");
  }

  @Test
  void deepNestingIsALoadErrorNotAStackOverflow() {
    assertThatThrownBy(() -> Tokenizers.fromJson("[".repeat(100_000) + "]".repeat(100_000)))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("exceeds a limit");
    // A Sequence normalizer nested 200 deep.
    String n = "{\"type\":\"Prepend\",\"prepend\":\"x\"}";
    for (int i = 0; i < 200; i++) {
      n = "{\"type\":\"Sequence\",\"normalizers\":[" + n + "]}";
    }
    String doc = "{\"model\":{\"type\":\"BPE\",\"vocab\":{\"x\":0},\"merges\":[]},\"normalizer\":" + n + "}";
    assertThatThrownBy(() -> Tokenizers.fromJson(doc))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("nesting");
  }

  @Test
  void componentRejectingItsArgumentsIsALoadErrorAtItsPath() {
    // A BPE whose unk_token is fine but whose vocabulary has a negative id via the builder path.
    TokenizerLoadException e = loadError(j -> obj(j, "model").put("unk_token", 5));
    assertThat(e.jsonPath()).hasValue("$.model.unk_token");
  }
}
