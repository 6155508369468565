package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.regex.Regexes;
import ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.ByteLevelPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.CharDelimiterSplitPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.DigitsPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer.PrependScheme;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PunctuationPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SequencePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitDelimiterBehavior;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.UnicodeScriptsPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.WhitespacePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.WhitespaceSplitPreTokenizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a pre-tokenizer from its {@code tokenizer.json} object: one {@code case} per {@code
 * "type"} (a new pre-tokenizer is its class plus a case here and a name in {@link #TYPES}).
 * Required fields are required as in the reference: {@code Digits} without {@code
 * individual_digits} does not load there either.
 */
final class PreTokenizerFactory extends StageFactory<PreTokenizer> {
  /** The supported types, as the error message lists them. */
  static final List<String> TYPES =
      List.of(
          "BertPreTokenizer", "ByteLevel", "CharDelimiterSplit", "Digits", "Metaspace",
          "Punctuation", "Sequence", "Split", "UnicodeScripts", "Whitespace", "WhitespaceSplit");
  /** Types of the reference not built here yet. */
  private static final List<String> NOT_YET = List.of("FixedLength");

  static final PreTokenizerFactory INSTANCE = new PreTokenizerFactory();

  private PreTokenizerFactory() {
    super("pre_tokenizer", TYPES, NOT_YET);
  }

  @Override
  PreTokenizer build(JsonValue json, String type) {
    switch (type) {
      case "BertPreTokenizer":
        return new BertPreTokenizer();
      case "ByteLevel":
        return new ByteLevelPreTokenizer(
            json.bool("add_prefix_space", true), json.bool("use_regex", true));
      case "CharDelimiterSplit":
        return charDelimiterSplit(json);
      case "Digits":
        return new DigitsPreTokenizer(json.get("individual_digits").asBoolean());
      case "Metaspace":
        return new MetaspacePreTokenizer(
            json.get("replacement").asChar(), prependScheme(json), json.bool("split", true));
      case "Punctuation":
        return punctuation(json);
      case "Sequence":
        return sequence(json);
      case "Split":
        return split(json);
      case "UnicodeScripts":
        return new UnicodeScriptsPreTokenizer();
      case "Whitespace":
        return new WhitespacePreTokenizer();
      case "WhitespaceSplit":
        return new WhitespaceSplitPreTokenizer();
      default:
        throw unknown(json, type);
    }
  }

  private static PreTokenizer charDelimiterSplit(JsonValue json) {
    JsonValue delimiter = json.get("delimiter");
    int cp = delimiter.asChar();
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      throw delimiter.mismatch("a string of exactly one character");
    }
    return new CharDelimiterSplitPreTokenizer(cp);
  }

  private static PreTokenizer punctuation(JsonValue json) {
    JsonValue behavior = json.get("behavior");
    return new PunctuationPreTokenizer(
        behavior.isMissing() ? SplitDelimiterBehavior.ISOLATED : behavior(behavior));
  }

  private static PreTokenizer sequence(JsonValue json) {
    return new SequencePreTokenizer(INSTANCE.createAll(json.get("pretokenizers")));
  }

  private static PreTokenizer split(JsonValue json) {
    JsonValue patternJson = json.get("pattern");
    SplitDelimiterBehavior behavior = behavior(json.get("behavior"));
    boolean invert = json.bool("invert", false);
    JsonValue pattern = StageFactory.pattern(patternJson);
    if (!StageFactory.isRegex(patternJson)) {
      return SplitPreTokenizer.ofString(pattern.asString(), behavior, invert);
    }
    Regexes.checkOniguruma(pattern, pattern.asString());
    try {
      return SplitPreTokenizer.ofRegex(pattern.asString(), behavior, invert);
    } catch (PatternSyntaxException e) {
      throw pattern.error(
          "invalid or unsupported regular expression (" + e.getDescription() + ")");
    }
  }

  private static SplitDelimiterBehavior behavior(JsonValue json) {
    SplitDelimiterBehavior b = SplitDelimiterBehavior.fromJsonName(json.asString());
    if (b == null) {
      throw json.mismatch(
          "one of Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous");
    }
    return b;
  }

  /**
   * {@code prepend_scheme} ({@code always} when absent); the older {@code add_prefix_space:
   * false} means {@code never} and contradicts any other declared scheme. Shared with the
   * Metaspace decoder.
   */
  static PrependScheme prependScheme(JsonValue json) {
    JsonValue scheme = json.get("prepend_scheme");
    PrependScheme result = PrependScheme.ALWAYS;
    if (!scheme.isMissing()) {
      switch (scheme.asString()) {
        case "always":
          result = PrependScheme.ALWAYS;
          break;
        case "first":
          result = PrependScheme.FIRST;
          break;
        case "never":
          result = PrependScheme.NEVER;
          break;
        default:
          throw scheme.mismatch("one of \"first\", \"never\", \"always\"");
      }
    }
    JsonValue addPrefixSpace = json.get("add_prefix_space");
    if (!addPrefixSpace.isAbsent() && !addPrefixSpace.asBoolean() && result != PrependScheme.NEVER) {
      throw addPrefixSpace.error(
          "add_prefix_space false contradicts prepend_scheme \""
              + result.name().toLowerCase(Locale.ROOT)
              + "\" (absent means \"always\"); expected prepend_scheme \"never\"");
    }
    return result;
  }
}
