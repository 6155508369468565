package ai.boinc.transformers.tokenizers.pretokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases from the reference's byte_level.rs tests. */
class ByteLevelPreTokenizerTest {
  @Test
  void gpt2Words() {
    assertThat(Pieces.of(new ByteLevelPreTokenizer(false, true), "Hello my friend, how is your day going?"))
        .containsExactly(
            "Hello@[0,5]", "\u0120my@[5,8]", "\u0120friend@[8,15]", ",@[15,16]", "\u0120how@[16,20]",
            "\u0120is@[20,23]", "\u0120your@[23,28]", "\u0120day@[28,32]", "\u0120going@[32,38]",
            "?@[38,39]");
  }

  @Test
  void withoutRegexOnePiece() {
    assertThat(Pieces.of(new ByteLevelPreTokenizer(true, false), "Hello my"))
        .containsExactly("\u0120Hello\u0120my@[0,8]");
  }

  @Test
  void prefixSpaceOnlyWhenMissing() {
    assertThat(Pieces.of(new ByteLevelPreTokenizer(true, true), " Hi"))
        .containsExactly("\u0120Hi@[0,3]");
    assertThat(Pieces.of(new ByteLevelPreTokenizer(true, true), "Hi"))
        .containsExactly("\u0120Hi@[0,2]");
  }

  @Test
  void newlinesAndSpaceRuns() {
    assertThat(Pieces.of(new ByteLevelPreTokenizer(false, true), "there\nHello   dear"))
        .containsExactly(
            "there@[0,5]", "\u010a@[5,6]", "Hello@[6,11]", "\u0120\u0120@[11,13]", "\u0120dear@[13,18]");
  }

  @Test
  void aCharacterSplitIntoBytesKeepsItsSpan() {
    assertThat(Pieces.of(new ByteLevelPreTokenizer(false, true), "i\u2b62j"))
        .containsExactly("i@[0,1]", "\u00e2\u0143\u00a2@[1,2]", "j@[2,3]");
  }
}
