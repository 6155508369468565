package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void cleanUpTokenizationSpacesAsTransformers() {
    assertThat(Text.cleanUpTokenizationSpaces("Hello , world ! Ok ? Yes .")).isEqualTo("Hello, world! Ok? Yes.");
    assertThat(Text.cleanUpTokenizationSpaces("I do n't , you 're , he 's , I 'm , we 've"))
        .isEqualTo("I don't, you're, he's, I'm, we've");
    assertThat(Text.cleanUpTokenizationSpaces("rock ' n roll")).isEqualTo("rock'n roll");
    // Replacements run one after another over the whole text: " ' " first, then " 's".
    assertThat(Text.cleanUpTokenizationSpaces("a ' 's")).isEqualTo("a''s");
    // Python: "  .".replace(" .", ".") == " ."
    assertThat(Text.cleanUpTokenizationSpaces("  .")).isEqualTo(" .");
    assertThat(Text.cleanUpTokenizationSpaces("no change")).isEqualTo("no change");
  }
}
