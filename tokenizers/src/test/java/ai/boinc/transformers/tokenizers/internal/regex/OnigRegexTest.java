package ai.boinc.transformers.tokenizers.internal.regex;

import ai.boinc.transformers.tokenizers.internal.text.Text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizers.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Facts about Oniguruma's matching (each checked against the reference library with the Node
 * binding) that a plain java.util.regex compile would get wrong, and a property over every
 * pattern the fixture tokenizers use.
 */
class OnigRegexTest {
  private static String matches(String pattern, String text) {
    int[] m = OnigRegex.compile(pattern).findAll(text);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < m.length; i += 2) {
      sb.append('[').append(text, m[i], m[i + 1]).append(']');
    }
    return sb.toString();
  }

  @Test
  void whitespaceDigitsAndWordAreUnicode() {
    assertThat(matches("\\s+", "a\u3000b\u0085c\u00a0d\u200be")).isEqualTo("[\u3000][\u0085][\u00a0]");
    assertThat(matches("\\d+", "\u0661\u0662 12 \u00b2")).isEqualTo("[\u0661\u0662][12]");
    // Marks and Alphabetic symbols are word characters, ZWNJ and most No numbers are not.
    assertThat(matches("\\w+", "\u00e9\u0301_1 \u24b6 \u200c \u2082")).isEqualTo("[\u00e9\u0301_1][\u24b6]");
  }

  @Test
  void hexDigitEscapeAndVerticalTab() {
    assertThat(matches("\\h+", "abc 09fz")).isEqualTo("[abc][09f]");
    assertThat(matches("\\v", "\u000b\n")).isEqualTo("[\u000b]");
  }

  @Test
  void dotExcludesOnlyNewlineAndAnchorsAreLineAnchors() {
    assertThat(matches(".", "a\nb\r")).isEqualTo("[a][b][\r]");
    assertThat(matches("a$", "a\nb a\rb a")).isEqualTo("[a][a]");
    assertThat(matches("^b", "a\rb a\nb")).isEqualTo("[b]");
  }

  @Test
  void optionSwitchSwallowsTheFollowingAlternatives() {
    // Oniguruma reads a(?i)b|c as a(?i:b|c): a lone "c" does not match.
    assertThat(matches("a(?i)b|c", "c ac aB")).isEqualTo("[ac][aB]");
  }

  @Test
  void caseInsensitiveGroupsAreUnicode() {
    assertThat(matches("(?i:'s|'t)", "'S 'ſ 'K 'T")).isEqualTo("['S]['ſ]['T]");
  }

  @Test
  void quantifierForms() {
    assertThat(matches("a{,2}", "aaa")).isEqualTo("[aa][a]");
    // An interval followed by '+' repeats the interval; it is not possessive.
    assertThat(matches("a{1,2}+", "aaaaa")).isEqualTo("[aaaaa]");
    assertThat(matches("a{2}{2}", "aaaaa")).isEqualTo("[aaaa]");
    assertThat(matches("a{2", "a{2")).isEqualTo("[a{2]");
  }

  @Test
  void optionLettersFollowOniguruma() {
    assertThat(matches("(?m:.)", "a\nb")).isEqualTo("[a][\n][b]");
    assertThatThrownBy(() -> OnigRegex.compile("(?s:.)")).isInstanceOf(PatternSyntaxException.class);
  }

  @Test
  void emptyMatchesAreIteratedAsTheReferenceDoes() {
    // No empty match right after a match; the search moves on by whole code points.
    assertThat(matches("a*", "baaac")).isEqualTo("[][aaa][]");
    assertThat(OnigRegex.compile("a*").findAll("\ud83d\ude00a")).containsExactly(0, 0, 2, 3);
  }

  @Test
  void lookBehindSeesAstralCharacters() {
    assertThat(matches("(?<=\\p{L})x", "\ud840\udc00x")).isEqualTo("[x]");
  }

  @Test
  void classesPropertiesAndEscapes() {
    assertThat(matches("[^\\s\\p{L}\\p{N}]+", "a, b!? 1")).isEqualTo("[,][!?]");
    assertThat(matches("[[:punct:]]+", "a$b!")).isEqualTo("[$][!]");
    assertThat(matches("\\p{Punct}", "a$b!")).isEqualTo("[!]");
    assertThat(matches("\\p{^L}+", "ab12")).isEqualTo("[12]");
    assertThat(matches("\\p{Han}+", "ab\u4e2d\u6587")).isEqualTo("[\u4e2d\u6587]");
    assertThat(matches("\\x{41}\\u0042\\101", "ABA")).isEqualTo("[ABA]");
    assertThat(matches("[a-c&&[^b]]", "abc")).isEqualTo("[a][c]");
    assertThat(matches("(?<n>a)\\k<n>", "aab")).isEqualTo("[aa]");
  }

  @Test
  void unsupportedConstructsAreRefused() {
    for (String p : List.of("a\\Kb", "(?~abc)", "\\g<1>(a)", "\\p{NoSuchProperty}", "(?s)a", "*", "(a")) {
      assertThatThrownBy(() -> OnigRegex.compile(p))
          .as(p)
          .isInstanceOf(PatternSyntaxException.class);
    }
  }

  @Test
  void longWhitespaceRunsStayLinear() {
    // \s+(?!\S) backtracks one character per run; 200k spaces must not blow up.
    String text = " ".repeat(200_000) + "x";
    int[] m = OnigRegex.compile(FIXTURE_LLAMA3).findAll(text);
    assertThat(m).containsExactly(0, 199_999, 199_999, 200_001);
  }

  private static final String FIXTURE_LLAMA3 =
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}|"
          + " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

  /** Every Split/Replace regex of the fixture tokenizers. */
  static Stream<String> fixturePatterns() throws IOException {
    List<String> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> dirs = Files.list(Fixtures.root().resolve("tokenizers"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        Path file = dir.resolve("tokenizer.json");
        if (Files.exists(file)) {
          JsonNode root = json.readTree(file.toFile());
          collect(root.get("normalizer"), out);
          collect(root.get("pre_tokenizer"), out);
        }
      }
    }
    out.add(ai.boinc.transformers.tokenizers.pretokenizers.ByteLevelPreTokenizer.GPT2_PATTERN);
    return out.stream().distinct();
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node == null) {
      return;
    }
    if (node.has("pattern") && node.get("pattern").has("Regex")) {
      out.add(node.get("pattern").get("Regex").textValue());
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }

  private static Gen<String> text() {
    Gen<String> piece =
        Generate.pick(
                List.of(" ", "  ", "\n", "\r\n", "\t", "'s", "'LL", "\u00a0", "\u3000", "\u0301",
                    "\ud83d\ude00", "123456", "\u0661", "ABC", "abc", "\u4e2d\u6587", "!?", "/"))
            .mix(strings().allPossible().ofLengthBetween(0, 3), 40)
            .mix(integers().between(0x80, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 30);
    return lists().of(piece).ofSizeBetween(0, 15).map(p -> Text.replaceLoneSurrogates(String.join("", p)));
  }

  @ParameterizedTest
  @MethodSource("fixturePatterns")
  void fixturePatternMatchesAreOrderedAndOnCharacterBoundaries(String pattern) {
    OnigRegex regex = OnigRegex.compile(pattern);
    qt().withExamples(300)
        .forAll(text())
        .checkAssert(
            t -> {
              int[] m = regex.findAll(t);
              int last = 0;
              for (int i = 0; i < m.length; i += 2) {
                assertThat(m[i]).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(m[i + 1]);
                assertThat(Character.isLowSurrogate(t.charAt(Math.min(m[i], t.length() - 1)))
                        && m[i] > 0 && m[i] < t.length())
                    .as("match starts inside a surrogate pair")
                    .isFalse();
                last = m[i + 1];
              }
            });
  }
}
