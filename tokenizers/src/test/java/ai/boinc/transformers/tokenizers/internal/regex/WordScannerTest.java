package ai.boinc.transformers.tokenizers.internal.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.pretokenizers.ByteLevelPreTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every hand-written scanner gives exactly the matches of the regex engine running its pattern
 * (through {@link OnigRegex}'s translation) on arbitrary text. QuickTheories prints the seed of a
 * failing run; set {@code -DQT_SEED=<seed>} to replay it.
 */
class WordScannerTest {
  private static final List<String> PATTERNS =
      List.of(WordScanner.GPT2, WordScanner.LLAMA3, WordScanner.QWEN2, WordScanner.O200K);

  /**
   * Characters where these patterns differ: every letter category (BMP and astral), marks of all
   * three kinds, numbers of many scripts (decimal, letter and other numbers), every kind of white
   * space and line break, apostrophes with contraction letters and their case folds ({@code ſ}
   * folds to {@code s}, the Kelvin sign to {@code k}), slashes, punctuation, symbols, emoji,
   * controls, unassigned and private-use code points, and lone surrogates.
   */
  private static final String[] SPECIAL = {
    "'", "'", "s", "S", "t", "T", "re", "RE", "rE", "ve", "VE", "m", "M", "ll", "LL", "lL", "d",
    "D", "ſ", "\u212A", "İ", "ı", " ", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000B", "\u000C",
    "\u0085", "\u00A0", "\u1680", "\u2003", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F",
    "\u3000", "\u200B", "/", "//", ".", ",", "!", "?", "-", "_", "$", "+", "=", "(", ")", "\"",
    "0", "7", "12", "1234", "\u00B2", "\u00BD", "\u0660", "\u0669", "\u0966", "\u0E51", "\uFF10",
    "\u2160", "\u3007", "\u2460", "\uD835\uDFCE", "\uD800\uDD07", "a", "Z", "é", "ß", "\u01C5",
    "\u02B0", "\u3005", "中", "文", "ア", "한", "ж", "Ж", "α", "Ω", "\u0301", "\u0903", "\u20DD",
    "\u0E31", "\uD801\uDC00", "\uD801\uDC28", "\uD840\uDC00", "\uD835\uDC00", "\uD83D\uDE00",
    "\uD83D\uDC4D\uD83C\uDFFD", "\u0000", "\u001F", "\u007F", "\uE000", "\u0378", "\uFFFD",
    "\uD800", "\uDC00", "\uDBFF"
  };

  private static Gen<String> text() {
    Gen<String> piece =
        Generate.pick(Arrays.asList(SPECIAL))
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 5), 30)
            .mix(strings().allPossible().ofLengthBetween(1, 3), 25)
            .mix(integers().between(0x80, 0x10FFFF).map(cp -> new String(Character.toChars(cp))), 15);
    return lists().of(piece).ofSizeBetween(0, 24).map(parts -> String.join("", parts));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void scannerMatchesTheRegexOnArbitraryText(int which) {
    OnigRegex regex = OnigRegex.compile(PATTERNS.get(which));
    WordScanner scanner = WordScanner.forPattern(PATTERNS.get(which));
    qt().withExamples(20_000)
        .forAll(text())
        .checkAssert(
            s ->
                assertThat(scanner.findAll(s))
                    .as("matches of /%s/ in \"%s\"", regex.source(), s)
                    .isEqualTo(regex.findAllByRegex(s)));
  }

  @Test
  void caseInsensitiveContractionLettersFoldAsTheRegexEngineDoes() {
    for (char letter : "strevmld".toCharArray()) {
      Pattern p = OnigRegex.compile("(?i:" + letter + ")").pattern();
      for (int c = 0; c <= Character.MAX_VALUE; c++) {
        assertThat(WordScanner.is((char) c, letter, true))
            .as("U+%04X against '%s'", c, letter)
            .isEqualTo(p.matcher(String.valueOf((char) c)).matches());
      }
    }
    assertThat(WordScanner.contraction("'\u017Fx", 0, true)).isEqualTo(2);
    assertThat(WordScanner.contraction("'Sx", 0, false)).isEqualTo(-1);
  }

  @Test
  void theFixtureTokenizersUseTheScannedPatterns() throws IOException {
    assertThat(ByteLevelPreTokenizer.GPT2_PATTERN).isEqualTo(WordScanner.GPT2);
    assertThat(splitPattern("llama-3")).isEqualTo(WordScanner.LLAMA3);
    assertThat(splitPattern("qwen3")).isEqualTo(WordScanner.QWEN2);
    assertThat(splitPattern("gpt-4o")).isEqualTo(WordScanner.O200K);
  }

  @Test
  void otherPatternsAndLiteralsRunOnTheRegexEngine() {
    assertThat(WordScanner.forPattern("\\s+")).isNull();
    assertThat(OnigRegex.literal(WordScanner.GPT2).findAll("'s a")).isEmpty();
  }

  @Test
  void handCheckedSplits() {
    assertThat(pieces(WordScanner.LLAMA3, "I'LL see 12345 you  \n\n ok!!\n"))
        .containsExactly("I", "'LL", " see", " ", "123", "45", " you", "  \n\n", " ok", "!!\n");
    assertThat(pieces(WordScanner.O200K, "HelloWorld's ABCdef a/b\n"))
        .containsExactly("Hello", "World's", " ABCdef", " a", "/b", "\n");
  }

  private static List<String> pieces(String pattern, String s) {
    int[] m = WordScanner.forPattern(pattern).findAll(s);
    String[] out = new String[m.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.substring(m[2 * i], m[2 * i + 1]);
    }
    return Arrays.asList(out);
  }

  private static String splitPattern(String model) throws IOException {
    JsonNode root =
        new ObjectMapper().readTree(Fixtures.tokenizerDir(model).resolve("tokenizer.json").toFile());
    for (JsonNode p : root.path("pre_tokenizer").path("pretokenizers")) {
      if (p.path("type").asText().equals("Split")) {
        return p.path("pattern").path("Regex").asText();
      }
    }
    throw new AssertionError("no Split pre-tokenizer in " + model);
  }
}
