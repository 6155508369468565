package ai.boinc.transformers.tokenizers.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.PretrainedTokenizer;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The reader's compact forms of {@code $.model.vocab} and {@code $.model.merges}, and BPE merges
 * resolved from their text, against the generic tree and the string-based BPE builder.
 */
class TokenizerJsonTest {

  private static Object parse(String json) {
    return TokenizerJson.parse(json.getBytes(StandardCharsets.UTF_8), "test");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> model(Object root) {
    return (Map<String, Object>) ((Map<String, Object>) root).get("model");
  }

  /** Tokens mixing ASCII, JSON's special characters, BMP, astral chars and lone surrogates. */
  private static Gen<String> token() {
    Gen<String> piece =
        Generate.pick(List.of("\"", "\\", "/", " ", "\n", "\u0000", "\u001f", "▁", "Ġ", "é", "\uD800", "\uDFFF", "😀"))
            .mix(strings().allPossible().ofLengthBetween(0, 3), 50)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 3), 50);
    return lists().of(piece).ofSizeBetween(0, 4).map(parts -> String.join("", parts));
  }

  /** {@code s} as a JSON string, escaping each char or not as {@code random} says. */
  static String quote(String s, Random random) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean lone = Character.isSurrogate(c) && !pair;
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || lone || random.nextInt(4) == 0) {
        if (c == '\n' && random.nextBoolean()) {
          out.append("\\n");
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      } else if (pair) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String vocabJson(List<String> tokens, Random random) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < tokens.size(); i++) {
      out.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",\n  ")
          .append(quote(tokens.get(i), random)).append(':').append(random.nextBoolean() ? " " : "")
          .append(random.nextInt(3) == 0 ? random.nextInt(5) : i);
    }
    return out.append('}').toString();
  }

  private static String mergesJson(List<String[]> merges, Random random) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < merges.size(); i++) {
      String[] m = merges.get(i);
      out.append(i == 0 ? "" : ", ");
      if (random.nextBoolean()) {
        out.append(quote(m[0] + " " + m[1], random));
      } else {
        out.append("[").append(quote(m[0], random)).append(", ").append(quote(m[1], random)).append(']');
      }
    }
    return out.append(']').toString();
  }

  @Test
  void compactVocabAndMergesReadAsTheGenericTree() {
    qt().withExamples(500)
        .forAll(lists().of(token()).ofSizeBetween(0, 20), integers().all())
        .checkAssert(
            (tokens, seed) -> {
              Random random = new Random(seed);
              List<String[]> merges = new ArrayList<>();
              for (int i = 0; i + 1 < tokens.size(); i += 2) {
                merges.add(new String[] {tokens.get(i), tokens.get(i + 1)});
              }
              String vocab = vocabJson(tokens, random);
              String mergesText = mergesJson(merges, random);
              String body = "{\"vocab\": " + vocab + ", \"merges\": " + mergesText + "}";
              Object compact = model(parse("{\"model\": " + body + "}"));
              Object generic = model(parse("{\"model\": {\"x\": " + body + "}}")).get("x");
              JsonValue c = JsonValue.root(compact);
              JsonValue g = JsonValue.root(generic);
              assertThat(c.get("vocab").node()).isInstanceOf(IntMembers.class);
              assertThat(members(c.get("vocab"))).isEqualTo(members(g.get("vocab")));
              assertThat(c.get("vocab").size()).isEqualTo(g.get("vocab").size());
              List<Object> compactMerges = new ArrayList<>();
              List<Object> genericMerges = new ArrayList<>();
              for (JsonValue m : c.get("merges").elements()) {
                compactMerges.add(m.node());
              }
              for (JsonValue m : g.get("merges").elements()) {
                genericMerges.add(m.node());
              }
              // Strings with no or several spaces are not merges: then the generic form is kept.
              if (c.get("merges").node() instanceof MergeList) {
                assertThat(compactMerges).isEqualTo(genericMerges);
              } else {
                assertThat(c.get("merges").node()).isEqualTo(g.get("merges").node());
              }
            });
  }

  private static List<String> members(JsonValue object) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonValue> e : object.members()) {
      out.add(e.getKey() + "=" + e.getValue().node() + " at " + e.getValue().path());
    }
    return out;
  }

  /** A small BPE vocabulary of random tokens with merges between them, some invalid. */
  @Test
  void mergesResolvedFromTextBuildTheSameBpeAsMergesFromStrings() {
    qt().withExamples(300)
        .forAll(lists().of(token()).ofSizeBetween(1, 12), integers().all())
        .checkAssert(
            (pieces, seed) -> {
              Random random = new Random(seed);
              List<String> tokens = new ArrayList<>();
              List<String[]> merges = new ArrayList<>();
              for (String p : pieces) {
                p = p.replace(" ", "");
                if (!tokens.contains(p)) {
                  tokens.add(p);
                }
              }
              int n = tokens.size();
              for (int k = 0; k < n; k++) {
                String a = tokens.get(random.nextInt(tokens.size()));
                String b = tokens.get(random.nextInt(tokens.size()));
                merges.add(new String[] {a, b});
                if (random.nextInt(8) != 0 && !tokens.contains(a + b)) {
                  tokens.add(a + b);
                }
              }
              Map<String, Integer> vocab = new LinkedHashMap<>();
              for (String t : tokens) {
                vocab.put(t, vocab.size());
              }
              StringBuilder v = new StringBuilder("{");
              vocab.forEach((t, id) -> v.append(v.length() > 1 ? "," : "").append(quote(t, random)).append(':').append(id));
              v.append('}');
              String fast = document(v.toString(), mergesJson(merges, random));
              // A merges.txt header line sends the merges down the generic path, ranks unchanged.
              String rest = mergesJson(merges, random).substring(1);
              String generic = document(v.toString(), "[\"#version: 0.2\"" + (rest.equals("]") ? "" : ", ") + rest);
              PretrainedTokenizer a = loadOrNull(fast);
              PretrainedTokenizer b = loadOrNull(generic);
              assertThat(a == null).isEqualTo(b == null);
              if (a != null) {
                for (int t = 0; t < 5; t++) {
                  StringBuilder text = new StringBuilder();
                  for (int k = random.nextInt(4); k >= 0; k--) {
                    text.append(tokens.get(random.nextInt(tokens.size())));
                  }
                  Encoding ea = a.encode(text.toString());
                  Encoding eb = b.encode(text.toString());
                  assertThat(ea.ids()).isEqualTo(eb.ids());
                  assertThat(ea.tokens()).isEqualTo(eb.tokens());
                }
              }
            });
  }

  private static String document(String vocab, String merges) {
    return "{\"model\": {\"type\": \"BPE\", \"vocab\": " + vocab + ", \"merges\": " + merges + "}}";
  }

  private static PretrainedTokenizer loadOrNull(String json) {
    try {
      return Tokenizers.fromJson(json);
    } catch (TokenizerLoadException e) {
      assertThat(e.getMessage()).contains("merge");
      return null;
    }
  }

  @Test
  void invalidMergeIsReportedAtItsIndex() {
    TokenizerLoadException e =
        (TokenizerLoadException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> Tokenizers.fromJson(document("{\"a\":0,\"b\":1,\"ab\":2}", "[\"a b\", [\"b\", \"a\"]]")));
    assertThat(e.jsonPath()).hasValue("$.model.merges[1]");
    assertThat(e.getMessage()).contains("merged token 'ba' is not in the vocabulary");
  }

  @Test
  @SuppressWarnings("unchecked")
  void genericValues() {
    Object root =
        parse("\uFEFF{\"a\": [1, -0, 1.5, 1e2, 12345678901234567890, true, false, null, \"x\\u00e9\\ud800\"], \"a\": 2, \"b\": {}}");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) root;
    assertThat(m.keySet()).containsExactly("a", "b");
    assertThat(m.get("a")).isEqualTo(2L);
    List<Object> list =
        (List<Object>) ((Map<?, ?>) parse("{\"k\": [1, -0, 1.5, 1e2, 12345678901234567890, true, null, \"x\\u00e9\\ud800\"]}")).get("k");
    assertThat(list)
        .containsExactly(
            1L, 0L, new BigDecimal("1.5"), new BigDecimal("1e2"), new BigDecimal("12345678901234567890"), true,
            null, "xé\uD800");
  }

  @Test
  void strictness() {
    for (String bad :
        List.of("", " ", "{} {}", "{\"a\": 01}", "{\"a\": +1}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": NaN}",
            "{\"a\": \"\u0001\"}", "{\"a\": \"\\x\"}", "{\"a\": \"\\u12\"}", "{\"a\": tru}", "{\"a\": 1,}",
            "[1,]", "{'a': 1}", "{\"a\" 1}", "{\"model\": {\"vocab\": {\"a\": 1,}}}",
            "{\"model\": {\"merges\": [\"a b\",]}}", "{\"model\": {\"vocab\": {\"a\": 1}")) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(TokenizerLoadException.class);
    }
    for (byte[] bytes :
        List.of(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
            new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'})) {
      assertThatThrownBy(() -> TokenizerJson.parse(bytes, "t")).isInstanceOf(TokenizerLoadException.class);
    }
    assertThatThrownBy(() -> parse("[".repeat(101) + "]".repeat(101)))
        .hasMessageContaining("nesting");
    assertThat(parse("[".repeat(100) + "]".repeat(100))).isInstanceOf(List.class);
  }

  @Test
  void vocabOrMergesOfOtherShapesStayGeneric() {
    Map<String, Object> m = model(parse("{\"model\": {\"vocab\": {\"a\": 1.0, \"b\": -1}, \"merges\": [\"#version: 0.2\", \"a b\"]}}"));
    assertThat(m.get("vocab")).isInstanceOf(Map.class);
    assertThat(m.get("merges")).isInstanceOf(List.class);
    m = model(parse("{\"model\": {\"vocab\": [[\"a\", 0.5]], \"merges\": [[\"a\", \"b\", \"c\"], \"a  b\"]}}"));
    assertThat(m.get("vocab")).isInstanceOf(List.class);
    assertThat(m.get("merges")).isInstanceOf(List.class);
    m = model(parse("{\"model\": {\"vocab\": {\"a\": 1, \"a\": 2}, \"merges\": [\"a b\", [\"a b\", \"c\"]]}}"));
    assertThat(JsonValue.root(m).get("vocab").size()).isEqualTo(1);
    assertThat(JsonValue.root(m).get("vocab").get("a").asNonNegativeInt()).isEqualTo(2);
    assertThat(JsonValue.root(m).get("merges").element(1).node()).isEqualTo(List.of("a b", "c"));
  }

  @Test
  void unigramVocabularyIsReadAsScoredPieces() {
    Object vocab = model(parse("{\"model\": {\"vocab\": [[\"a\", -1.5], [\"b\",0] , [\"\\u00e9\", 1e2]]}}")).get("vocab");
    assertThat(vocab).isInstanceOf(ScoredPieces.class);
    ScoredPieces pieces = (ScoredPieces) vocab;
    assertThat(pieces.count()).isEqualTo(3);
    assertThat(pieces.piece(2)).isEqualTo("\u00e9");
    assertThat(pieces.score(0)).isEqualTo(-1.5);
    assertThat(vocab).isEqualTo(List.of(List.of("a", -1.5), List.of("b", 0.0), List.of("\u00e9", 100.0)));
    // Beyond a double, or not a pair of a string and a number: the generic reading decides.
    assertThat(model(parse("{\"model\": {\"vocab\": [[\"a\", 1e400]]}}")).get("vocab"))
        .isEqualTo(List.of(List.of("a", new BigDecimal("1e400"))));
    assertThat(model(parse("{\"model\": {\"vocab\": [[\"a\", \"x\"]]}}")).get("vocab"))
        .isEqualTo(List.of(List.of("a", "x")));
    assertThatThrownBy(() -> parse("{\"model\": {\"vocab\": [[\"a\", 1e9999999999]]}}"))
        .isInstanceOf(TokenizerLoadException.class)
        .hasMessageContaining("number out of range");
  }
}
