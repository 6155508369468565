package ai.boinc.transformers.tokenizers.decoders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordPieceDecoderTest {
  @Test
  void joinsPiecesAndSpacesWords() {
    WordPieceDecoder d = new WordPieceDecoder("##", false);
    assertThat(d.decode(List.of("##uelo", "Ara", "##új", "##o", "No", "##guera")))
        .isEqualTo("##uelo Araújo Noguera");
  }

  @Test
  void cleanupRemovesSpacesBeforePunctuationAndInContractions() {
    WordPieceDecoder d = new WordPieceDecoder("##", true);
    assertThat(d.decode(List.of("it", "'s", "here", ",", "is", "it", "?")))
        .isEqualTo("it's here, is it?");
    // The clean-up runs per token, as in the reference: " do not" spans two tokens and stays.
    assertThat(d.decode(List.of("i", "do", "not", "it", "'", "s")))
        .isEqualTo("i do not it ' s");
    assertThat(d.decode(List.of("[CLS]", "hello", "!", "[SEP]"))).isEqualTo("[CLS] hello! [SEP]");
  }
}
