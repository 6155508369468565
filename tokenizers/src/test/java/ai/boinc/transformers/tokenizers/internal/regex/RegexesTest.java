package ai.boinc.transformers.tokenizers.internal.regex;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizers.RegexLimitExceededException;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RegexesTest {
  private static JsonValue at(String regex) {
    return JsonValue.root(regex);
  }

  private static TokenizerLoadException refused(String regex) {
    return (TokenizerLoadException)
        org.assertj.core.api.Assertions.catchThrowable(() -> Regexes.compile(at(regex), regex, 0));
  }

  @Test
  void realTokenizerPatternsPass() {
    // GPT-2, llama-3 / gpt-4o style and CLIP split patterns, and a whitespace run.
    String[] real = {
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
      "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
      "\\s+",
    };
    for (String r : real) {
      assertThat(Regexes.compile(at(r), r, 0).pattern()).isEqualTo(r);
    }
  }

  @Test
  void scannerPatternsPassTheFullCheckThatTheyAreSpared() {
    // checkOniguruma skips compiling and probing the patterns WordScanner covers.
    for (String r : new String[] {WordScanner.GPT2, WordScanner.LLAMA3, WordScanner.QWEN2, WordScanner.O200K}) {
      assertThat(WordScanner.forPattern(r)).isNotNull();
      assertThat(Regexes.checkOnigurumaFully(at(r), r).pattern()).isNotNull();
    }
  }

  @Test
  void catastrophicPatternsAreRefusedAtLoad() {
    // Java 9+ memoizes plain nested loops, so (a+)+$ is harmless there; bounded repetition of a
    // group still backtracks exponentially.
    for (String evil :
        new String[] {"(.*){1,32000}[bc]", "(a|a){1,40}$", "((a+)+){2,20}b", "(a*){1,25}b", "(\\w{1,20}){1,20}x"}) {
      TokenizerLoadException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(evil));
      assertThat(e).as(evil).isNotNull();
      assertThat(e.getMessage()).as(evil).contains("backtracks catastrophically");
      assertThat(e.jsonPath()).hasValue("$");
    }
  }

  @Test
  void overlongDeepOrInvalidPatternsAreRefused() {
    assertThat(refused("a".repeat(Regexes.MAX_PATTERN_LENGTH + 1)).getMessage()).contains("longer than");
    assertThat(refused("(".repeat(60) + "a" + ")".repeat(60)).getMessage()).contains("nests groups 60 deep");
    assertThat(refused("(unclosed").getMessage()).contains("invalid regular expression");
    assertThat(Regexes.groupDepth("\\((a)[(]")).isEqualTo(1);
  }

  @Test
  void runTimeBudgetStopsBacktrackingOnHostileInput() {
    Pattern quadratic = Pattern.compile("a*b");
    String hostile = "a".repeat(200_000);
    Matcher m = Regexes.matcher(quadratic, hostile);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> assertThatThrownBy(() -> Regexes.find(m))
            .isInstanceOf(RegexLimitExceededException.class)
            .hasMessageContaining("a*b"));
    // Linear work on the same text stays within the budget.
    Matcher ok = Regexes.matcher(Pattern.compile("a+"), hostile);
    assertThat(Regexes.find(ok)).isTrue();
    assertThat(ok.end()).isEqualTo(hostile.length());
  }

  @Test
  void deepRecursionBecomesALimitError() {
    Pattern recursive = Pattern.compile("(?:a|b)*c");
    Matcher m = Regexes.matcher(recursive, "ab".repeat(500_000));
    assertThatThrownBy(() -> Regexes.find(m)).isInstanceOf(RegexLimitExceededException.class);
  }

  @Test
  void literalPatternsRunUnguarded() {
    Pattern literal = Pattern.compile(" ", Pattern.LITERAL);
    assertThat(Regexes.replaceAll(literal, "a b c", "▁")).isEqualTo("a▁b▁c");
  }
}
