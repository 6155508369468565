package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Where {@code decode(encode(x)) == x} holds for the models that are not plain byte-level BPE
 * (those are in {@link ByteLevelRoundTripPropertyTest}; llama-2 in {@link Llama2PropertiesTest}),
 * stated as precisely as the pipeline allows. Decoding skips special tokens; tokenizers are read
 * from tokenizer.json alone (a config may turn on lossy clean-up).
 */
class RoundTripStatementsTest {

  private static PretrainedTokenizer load(String model) {
    return Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
  }

  private static String roundTrip(PretrainedTokenizer tokenizer, String text) {
    return tokenizer.decode(tokenizer.encode(text, EncodeOptions.addSpecialTokens(true)).ids(), DecodeOptions.skipSpecialTokens());
  }

  /** Lower-case ASCII words joined by single spaces: what lower-casing, accent stripping and whitespace splitting keep. */
  private static Gen<String> lowerCaseWords() {
    return lists().of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)).ofSizeBetween(1, 8)
        .map(words -> String.join(" ", words));
  }

  /**
   * qwen3 normalizes to NFC and is byte-level otherwise: any text without unpaired surrogates
   * comes back as its NFC form.
   */
  @Test
  void qwen3GivesBackTheNfcFormOfAnyText() {
    PretrainedTokenizer qwen = load("qwen3");
    qt().withExamples(300)
        .forAll(strings().allPossible().ofLengthBetween(0, 40).map(RoundTripStatementsTest::withoutLoneSurrogates))
        .checkAssert(text -> assertThat(roundTrip(qwen, text)).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC)));
  }

  /**
   * bert-base-uncased lower-cases, strips accents, splits on whitespace and punctuation and joins
   * word pieces with spaces: lower-case ASCII words separated by single spaces come back as they are.
   */
  @Test
  void bertGivesBackLowerCaseWordsSeparatedBySingleSpaces() {
    PretrainedTokenizer bert = load("bert-base-uncased");
    qt().withExamples(300).forAll(lowerCaseWords()).checkAssert(text -> assertThat(roundTrip(bert, text)).isEqualTo(text));
  }

  /**
   * t5-small normalizes with SentencePiece's charsmap, splits on whitespace and marks word starts
   * with ▁: lower-case ASCII words separated by single spaces come back as they are.
   */
  @Test
  void t5GivesBackLowerCaseWordsSeparatedBySingleSpaces() {
    PretrainedTokenizer t5 = load("t5-small");
    qt().withExamples(300).forAll(lowerCaseWords()).checkAssert(text -> assertThat(roundTrip(t5, text)).isEqualTo(text));
  }

  /** mistral has llama-2's pipeline: text without ▁, surrogates or literal special tokens comes back exactly. */
  @Test
  void mistralGivesBackTextWithoutMetaspaceOrSpecialTokens() {
    PretrainedTokenizer mistral = load("mistral");
    qt().withExamples(300)
        .forAll(strings().allPossible().ofLengthBetween(0, 40).map(RoundTripStatementsTest::withoutLoneSurrogates)
            .assuming(text -> !text.contains("\u2581") && !text.contains("<s>") && !text.contains("</s>") && !text.contains("<unk>")))
        .checkAssert(text -> assertThat(roundTrip(mistral, text)).isEqualTo(text));
  }

  private static String withoutLoneSurrogates(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (!Character.isSurrogate(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
