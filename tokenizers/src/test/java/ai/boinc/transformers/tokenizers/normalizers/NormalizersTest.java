package ai.boinc.transformers.tokenizers.normalizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NormalizersTest {
  @Nested
  class Prepend {
    @Test
    void prependsToNonEmptyTextOnly() {
      PrependNormalizer p = new PrependNormalizer("▁");
      assertThat(p.normalize("hey")).isEqualTo("▁hey");
      assertThat(p.normalize("")).isEmpty();
    }
  }

  @Nested
  class Replace {
    @Test
    void literalPatternIsNotARegex() {
      assertThat(ReplaceNormalizer.ofString(".", "!").normalize("a.b")).isEqualTo("a!b");
    }

    @Test
    void contentIsLiteralToo() {
      assertThat(ReplaceNormalizer.ofString("a", "$1\\").normalize("xa")).isEqualTo("x$1\\");
    }

    @Test
    void regexPattern() {
      NormalizedString s = NormalizedString.of("a  b   c");
      ReplaceNormalizer.ofRegex(" +", " ").normalize(s);
      assertThat(s.normalized()).isEqualTo("a b c");
      assertThat(s.toOriginal(4, 5)).containsExactly(7, 8);
    }

    @Test
    void emptyLiteralMatchesNothing() {
      assertThat(ReplaceNormalizer.ofString("", "x").normalize("ab")).isEqualTo("ab");
    }
  }

  @Nested
  class Sequence {
    @Test
    void appliesInOrder() {
      SequenceNormalizer seq =
          new SequenceNormalizer(
              List.of(new PrependNormalizer("▁"), ReplaceNormalizer.ofString(" ", "▁")));
      NormalizedString s = NormalizedString.of("a b");
      seq.normalize(s);
      assertThat(s.normalized()).isEqualTo("▁a▁b");
      assertThat(s.toOriginal(0, 2)).containsExactly(0, 1);
      assertThat(s.toOriginal(2, 4)).containsExactly(1, 3);
    }
  }
}
