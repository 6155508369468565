package ai.boinc.transformers.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lookups on the encoding the reference (tokenizers 0.23.2, llama-2) gives for the pair ("Hello
 * world", "Hi there"): tokens {@code <s> ▁Hello ▁world <s> ▁Hi ▁there}; the expected answers were
 * read from the reference's Node binding.
 */
class EncodingLookupTest {
  private static final int N = Encoding.NONE;

  private static Encoding pair() {
    return Encoding.builder()
        .ids(new int[] {1, 15043, 3186, 1, 6324, 727})
        .tokens(new String[] {"<s>", "▁Hello", "▁world", "<s>", "▁Hi", "▁there"})
        .typeIds(new int[] {0, 0, 0, 1, 1, 1})
        .specialTokensMask(new int[] {1, 0, 0, 1, 0, 0})
        .wordIds(new int[] {N, 0, 0, N, 0, 0})
        .sequenceIds(new int[] {N, 0, 0, N, 1, 1})
        .offsets(new int[] {0, 0, 0, 5, 5, 11, 0, 0, 0, 2, 2, 8})
        .build();
  }

  @Test
  void tokenToSequenceCharsAndWord() {
    Encoding e = pair();
    assertThat(e.tokenToSequence(0)).isEmpty();
    assertThat(e.tokenToSequence(2)).hasValue(0);
    assertThat(e.tokenToSequence(4)).hasValue(1);
    assertThat(e.tokenToSequence(6)).isEmpty();
    assertThat(e.tokenToSequence(-1)).isEmpty();
    assertThat(e.tokenToChars(0)).isEmpty();
    assertThat(e.tokenToChars(2)).hasValueSatisfying(o -> assertThat(o).containsExactly(5, 11));
    assertThat(e.tokenToChars(5)).hasValueSatisfying(o -> assertThat(o).containsExactly(2, 8));
    assertThat(e.tokenToChars(6)).isEmpty();
    assertThat(e.tokenToWord(3)).isEmpty();
    assertThat(e.tokenToWord(5)).hasValue(0);
  }

  @Test
  void charToTokenAndWordPerSequence() {
    Encoding e = pair();
    assertThat(e.charToToken(0)).hasValue(1);
    assertThat(e.charToToken(0, 1)).hasValue(4);
    assertThat(e.charToToken(6, 0)).hasValue(2);
    // The space before "world" belongs to ▁world.
    assertThat(e.charToToken(5, 0)).hasValue(2);
    assertThat(e.charToToken(11, 0)).isEmpty();
    assertThat(e.charToWord(7, 0)).hasValue(0);
    assertThat(e.charToWord(1, 1)).hasValue(0);
    assertThat(e.charToWord(50, 1)).isEmpty();
  }

  @Test
  void wordToTokensAndChars() {
    Encoding e = pair();
    assertThat(e.wordToTokens(0)).hasValueSatisfying(t -> assertThat(t).containsExactly(1, 3));
    assertThat(e.wordToTokens(0, 1)).hasValueSatisfying(t -> assertThat(t).containsExactly(4, 6));
    assertThat(e.wordToTokens(1, 0)).isEmpty();
    assertThat(e.wordToChars(0, 1)).hasValueSatisfying(c -> assertThat(c).containsExactly(0, 8));
  }

  @Test
  void wordSearchStopsAtTheFirstLaterWord() {
    // Words out of order do not occur in practice; the reference stops at the first later word.
    Encoding e =
        Encoding.builder()
            .ids(new int[] {5, 6, 7})
            .tokens(new String[] {"a", "b", "c"})
            .wordIds(new int[] {0, 1, 0})
            .sequenceIds(new int[] {0, 0, 0})
            .offsets(new int[] {0, 1, 1, 2, 2, 3})
            .build();
    assertThat(e.wordToTokens(0)).hasValueSatisfying(t -> assertThat(t).containsExactly(0, 1));
    assertThat(e.wordToTokens(1)).hasValueSatisfying(t -> assertThat(t).containsExactly(1, 2));
  }

  @Test
  void sequenceWithoutTokensHasNoAnswers() {
    // An empty pair: ("Hello", "") -> <s> ▁Hello <s>.
    Encoding e =
        Encoding.builder()
            .ids(new int[] {1, 15043, 1})
            .tokens(new String[] {"<s>", "▁Hello", "<s>"})
            .wordIds(new int[] {N, 0, N})
            .sequenceIds(new int[] {N, 0, N})
            .offsets(new int[] {0, 0, 0, 5, 0, 0})
            .build();
    assertThat(e.charToToken(0, 1)).isEmpty();
    assertThat(e.wordToTokens(0, 1)).isEmpty();
    assertThat(e.wordToChars(0, 1)).isEmpty();
  }
}
