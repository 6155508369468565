package ai.boinc.transformers.tokenizers.models;

import static ai.boinc.transformers.tokenizers.models.WordPieceTest.run;
import static ai.boinc.transformers.tokenizers.models.WordPieceTest.vocab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordLevelTest {
  @Test
  void wholePiecesOrTheUnknownToken() {
    WordLevel wl = new WordLevel(vocab("<unk>", "hello"), "<unk>");
    assertThat(run(wl, "hello")).containsExactly("hello:1@0-5");
    assertThat(run(wl, "hell")).containsExactly("<unk>:0@0-4");
  }

  @Test
  void missingUnknownTokenFailsOnlyWhenNeeded() {
    WordLevel wl = new WordLevel(vocab("hello"), "<unk>");
    assertThat(run(wl, "hello")).hasSize(1);
    assertThatThrownBy(() -> run(wl, "x")).isInstanceOf(IllegalStateException.class);
  }
}
