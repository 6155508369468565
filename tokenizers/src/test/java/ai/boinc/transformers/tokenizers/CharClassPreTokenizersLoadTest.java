package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whitespace, Punctuation, Digits, CharDelimiterSplit and UnicodeScripts load from tokenizer.json
 * with the reference's required fields and defaults, and bad ones fail with the JSON path.
 */
class CharClassPreTokenizersLoadTest {
  /** A BPE that knows no token: with fuse_unk, each pre-tokenized piece becomes one [UNK]. */
  private static String tokenizer(String preTokenizer) {
    return "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":null,\"pre_tokenizer\":" + preTokenizer
        + ",\"post_processor\":null,\"decoder\":null,\"model\":{\"type\":\"BPE\",\"unk_token\":\"[UNK]\","
        + "\"fuse_unk\":true,\"vocab\":{\"[UNK]\":0},\"merges\":[]}}";
  }

  private static List<String> pieces(String preTokenizer, String text) {
    Encoding e = Tokenizers.fromJson(tokenizer(preTokenizer)).encode(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < e.size(); i++) {
      out.add(text.substring(e.startOffset(i), e.endOffset(i)));
    }
    return out;
  }

  private static TokenizerLoadException error(String preTokenizer) {
    return catchThrowableOfType(
        TokenizerLoadException.class, () -> Tokenizers.fromJson(tokenizer(preTokenizer)));
  }

  @Test
  void eachTypeLoadsWithItsFields() {
    assertThat(pieces("{\"type\":\"Whitespace\"}", "Hey man!")).containsExactly("Hey", "man", "!");
    assertThat(pieces("{\"type\":\"Punctuation\"}", "a,b")).containsExactly("a", ",", "b");
    assertThat(pieces("{\"type\":\"Punctuation\",\"behavior\":\"Removed\"}", "a,b")).containsExactly("a", "b");
    assertThat(pieces("{\"type\":\"Digits\",\"individual_digits\":true}", "a12")).containsExactly("a", "1", "2");
    assertThat(pieces("{\"type\":\"Digits\",\"individual_digits\":false}", "a12")).containsExactly("a", "12");
    assertThat(pieces("{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"\ud83d\ude00\"}", "a\ud83d\ude00b"))
        .containsExactly("a", "b");
    assertThat(pieces("{\"type\":\"UnicodeScripts\"}", "abc日本")).containsExactly("abc", "日本");
    assertThat(pieces("{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Whitespace\"},"
            + "{\"type\":\"Digits\",\"individual_digits\":true}]}", "x 42"))
        .containsExactly("x", "4", "2");
  }

  @Test
  void digitsNeedsIndividualDigitsAsTheReferenceDoes() {
    assertThat(error("{\"type\":\"Digits\"}").jsonPath()).hasValue("$.pre_tokenizer.individual_digits");
    assertThat(error("{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"Whitespace\"},"
                + "{\"type\":\"Digits\",\"individual_digits\":\"yes\"}]}").jsonPath())
        .hasValue("$.pre_tokenizer.pretokenizers[1].individual_digits");
  }

  @Test
  void punctuationBehaviorNamesAreCaseSensitive() {
    TokenizerLoadException e = error("{\"type\":\"Punctuation\",\"behavior\":\"removed\"}");
    assertThat(e.jsonPath()).hasValue("$.pre_tokenizer.behavior");
    assertThat(e.getMessage()).contains("'removed'").contains("Removed");
    assertThat(error("{\"type\":\"Punctuation\",\"behavior\":null}").jsonPath())
        .hasValue("$.pre_tokenizer.behavior");
  }

  @Test
  void delimiterMustBeOneCharacter() {
    for (String bad : new String[] {"\"ab\"", "\"\"", "\"\\ud800\"", "1"}) {
      TokenizerLoadException e = error("{\"type\":\"CharDelimiterSplit\",\"delimiter\":" + bad + "}");
      assertThat(e).as(bad).isNotNull();
      assertThat(e.jsonPath()).as(bad).hasValue("$.pre_tokenizer.delimiter");
    }
    assertThat(error("{\"type\":\"CharDelimiterSplit\"}").getMessage()).contains("missing");
  }
}
