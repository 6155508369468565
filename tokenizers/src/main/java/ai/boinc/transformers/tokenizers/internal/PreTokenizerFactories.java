package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.pretokenizers.CharDelimiterSplitPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.DigitsPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PunctuationPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitDelimiterBehavior;
import ai.boinc.transformers.tokenizers.pretokenizers.UnicodeScriptsPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.WhitespacePreTokenizer;

/**
 * Factories of {@link ComponentRegistry} for the character-class pre-tokenizers (Whitespace,
 * Punctuation, Digits, CharDelimiterSplit, UnicodeScripts). Required fields are required as in the
 * reference: {@code Digits} without {@code individual_digits} does not load there either.
 */
final class PreTokenizerFactories {
  private PreTokenizerFactories() {}

  static PreTokenizer whitespace(JsonValue json, ComponentRegistry registry) {
    return new WhitespacePreTokenizer();
  }

  static PreTokenizer punctuation(JsonValue json, ComponentRegistry registry) {
    JsonValue behavior = json.get("behavior");
    return new PunctuationPreTokenizer(
        behavior.isMissing()
            ? SplitDelimiterBehavior.ISOLATED
            : ByteLevelFamilyFactories.behavior(behavior));
  }

  static PreTokenizer digits(JsonValue json, ComponentRegistry registry) {
    return new DigitsPreTokenizer(json.get("individual_digits").asBoolean());
  }

  static PreTokenizer charDelimiterSplit(JsonValue json, ComponentRegistry registry) {
    JsonValue delimiter = json.get("delimiter");
    int cp = delimiter.asChar();
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      throw delimiter.mismatch("a string of exactly one character");
    }
    return new CharDelimiterSplitPreTokenizer(cp);
  }

  static PreTokenizer unicodeScripts(JsonValue json, ComponentRegistry registry) {
    return new UnicodeScriptsPreTokenizer();
  }
}
