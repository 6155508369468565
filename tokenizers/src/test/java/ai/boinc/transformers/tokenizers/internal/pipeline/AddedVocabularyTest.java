package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.AddedToken;
import ai.boinc.transformers.tokenizers.models.bpe.Bpe;
import ai.boinc.transformers.tokenizers.normalizers.PrependNormalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddedVocabularyTest {
  private final Bpe model = Bpe.newBuilder().vocab(Map.of("a", 0, "b", 1, "<s>", 2)).build();

  /** Pieces as "original" or "original=id". */
  private static List<String> pieces(PreTokenizedString s) {
    List<String> out = new ArrayList<>();
    for (Split split : s.splits()) {
      String original = split.normalized().original();
      out.add(split.isTokenized() ? original + "=" + split.id(0) : original);
    }
    return out;
  }

  private static AddedToken.Builder token(String content, boolean special) {
    return AddedToken.newBuilder(content, special);
  }

  @Test
  void idsComeFromTheModelOrFollowTheVocabulary() {
    AddedVocabulary v =
        new AddedVocabulary(
            List.of(token("<s>", true).build(), token("<x>", true).build(), token("<y>", false).build()),
            model,
            null);
    assertThat(v.addedId("<s>")).hasValue(2);
    assertThat(v.addedId("<x>")).hasValue(3);
    assertThat(v.addedId("<y>")).hasValue(4);
    assertThat(v.extraVocabSize()).isEqualTo(2);
    assertThat(v.isSpecial("<x>")).isTrue();
    assertThat(v.isSpecial("<y>")).isFalse();
  }

  @Test
  void longestMatchWinsAndTextBetweenIsKept() {
    AddedVocabulary v =
        new AddedVocabulary(
            List.of(token("<s>", true).build(), token("<s>>", true).build()), model, null);
    assertThat(pieces(v.extractAndNormalize("x<s>>y<s>", null)))
        .containsExactly("x", "<s>>=3", "y", "<s>=2");
  }

  @Test
  void stripOptionsSwallowWhitespace() {
    AddedVocabulary v =
        new AddedVocabulary(
            List.of(token("<m>", true).lstrip(true).rstrip(true).build()), model, null);
    assertThat(pieces(v.extractAndNormalize("a \t<m>\u00A0 b", null)))
        .containsExactly("a", " \t<m>\u00A0 =3", "b");
  }

  @Test
  void singleWordTokensDoNotMatchInsideWords() {
    AddedVocabulary v =
        new AddedVocabulary(List.of(token("xy", false).singleWord(true).build()), model, null);
    assertThat(pieces(v.extractAndNormalize("xy axy xy, éxy", null)))
        .containsExactly("xy=3", " axy ", "xy=3", ", éxy");
  }

  @Test
  void normalizedTokensMatchTheNormalizedText() {
    PrependNormalizer prepend = new PrependNormalizer("▁");
    AddedVocabulary v =
        new AddedVocabulary(
            List.of(token("</s>", true).normalized(true).build(), token("<s>", true).build()),
            model,
            prepend);
    // The normalized pattern is "▁</s>": only a piece that starts with "</s>" gets the ▁.
    assertThat(pieces(v.extractAndNormalize("<s></s>", prepend))).containsExactly("<s>=2", "</s>=3");
    assertThat(v.idToToken(3)).hasValue("▁</s>");
    assertThat(v.idToToken(2)).hasValue("<s>");
  }
}
