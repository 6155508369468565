package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.regex.Regexes;
import ai.boinc.transformers.tokenizers.decoders.BpeDecoder;
import ai.boinc.transformers.tokenizers.decoders.ByteLevelDecoder;
import ai.boinc.transformers.tokenizers.decoders.CtcDecoder;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.normalizers.ByteLevelNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.LowercaseNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfcNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfdNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfkcNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfkdNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.normalizers.StripAccentsNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.StripNormalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.ByteLevelPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SequencePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitDelimiterBehavior;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitPreTokenizer;
import ai.boinc.transformers.tokenizers.processors.BertProcessing;
import ai.boinc.transformers.tokenizers.processors.ByteLevelProcessor;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import ai.boinc.transformers.tokenizers.processors.RobertaProcessing;
import ai.boinc.transformers.tokenizers.processors.SequenceProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Factories of {@link ComponentRegistry} for the byte-level BPE family (GPT-2, RoBERTa, CLIP,
 * Llama 3, Qwen, o200k) and the generic components around it: JSON object in, component out.
 */
final class ByteLevelFamilyFactories {
  private ByteLevelFamilyFactories() {}

  // ---- normalizers

  static Normalizer nfc(JsonValue json, ComponentRegistry registry) {
    return new NfcNormalizer();
  }

  static Normalizer nfd(JsonValue json, ComponentRegistry registry) {
    return new NfdNormalizer();
  }

  static Normalizer nfkc(JsonValue json, ComponentRegistry registry) {
    return new NfkcNormalizer();
  }

  static Normalizer nfkd(JsonValue json, ComponentRegistry registry) {
    return new NfkdNormalizer();
  }

  static Normalizer lowercase(JsonValue json, ComponentRegistry registry) {
    return new LowercaseNormalizer();
  }

  static Normalizer strip(JsonValue json, ComponentRegistry registry) {
    return new StripNormalizer(json.bool("strip_left", true), json.bool("strip_right", true));
  }

  static Normalizer stripAccents(JsonValue json, ComponentRegistry registry) {
    return new StripAccentsNormalizer();
  }

  static Normalizer byteLevelNormalizer(JsonValue json, ComponentRegistry registry) {
    return new ByteLevelNormalizer();
  }

  // ---- pre-tokenizers

  static PreTokenizer byteLevelPreTokenizer(JsonValue json, ComponentRegistry registry) {
    return new ByteLevelPreTokenizer(
        json.bool("add_prefix_space", true), json.bool("use_regex", true));
  }

  static PreTokenizer split(JsonValue json, ComponentRegistry registry) {
    JsonValue pattern = json.get("pattern");
    SplitDelimiterBehavior behavior = behavior(json.get("behavior"));
    boolean invert = json.bool("invert", false);
    if (!pattern.isObject() || pattern.size() != 1) {
      throw pattern.mismatch("an object {\"String\": ...} or {\"Regex\": ...}");
    }
    JsonValue literal = pattern.get("String");
    if (!literal.isMissing()) {
      return SplitPreTokenizer.ofString(literal.asString(), behavior, invert);
    }
    JsonValue regex = pattern.get("Regex");
    if (regex.isMissing()) {
      throw pattern.mismatch("an object {\"String\": ...} or {\"Regex\": ...}");
    }
    Regexes.checkOniguruma(regex, regex.asString());
    try {
      return SplitPreTokenizer.ofRegex(regex.asString(), behavior, invert);
    } catch (PatternSyntaxException e) {
      throw regex.error("invalid or unsupported regular expression (" + e.getDescription() + ")");
    }
  }

  static SplitDelimiterBehavior behavior(JsonValue json) {
    SplitDelimiterBehavior b = SplitDelimiterBehavior.fromJsonName(json.asString());
    if (b == null) {
      throw json.mismatch(
          "one of Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous");
    }
    return b;
  }

  static PreTokenizer sequencePreTokenizer(JsonValue json, ComponentRegistry registry) {
    List<PreTokenizer> list = new ArrayList<>();
    for (JsonValue child : json.get("pretokenizers").elements()) {
      list.add(registry.preTokenizer(child));
    }
    return new SequencePreTokenizer(list);
  }

  // ---- post-processors

  static PostProcessor byteLevelProcessor(JsonValue json, ComponentRegistry registry) {
    return new ByteLevelProcessor(
        json.bool("trim_offsets", true), json.bool("add_prefix_space", true));
  }

  static PostProcessor roberta(JsonValue json, ComponentRegistry registry) {
    JsonValue sep = json.get("sep");
    JsonValue cls = json.get("cls");
    return new RobertaProcessing(
        tokenOf(sep),
        idOf(sep),
        tokenOf(cls),
        idOf(cls),
        json.bool("trim_offsets", true),
        json.bool("add_prefix_space", true));
  }

  static PostProcessor bert(JsonValue json, ComponentRegistry registry) {
    JsonValue sep = json.get("sep");
    JsonValue cls = json.get("cls");
    return new BertProcessing(tokenOf(sep), idOf(sep), tokenOf(cls), idOf(cls));
  }

  /** A {@code [token, id]} pair's token. */
  private static String tokenOf(JsonValue pair) {
    List<JsonValue> e = pair.elements();
    if (e.size() != 2) {
      throw pair.mismatch("a pair [\"token\", id]");
    }
    return e.get(0).asString();
  }

  private static int idOf(JsonValue pair) {
    return pair.elements().get(1).asNonNegativeInt();
  }

  static PostProcessor sequenceProcessor(JsonValue json, ComponentRegistry registry) {
    List<PostProcessor> list = new ArrayList<>();
    for (JsonValue child : json.get("processors").elements()) {
      list.add(registry.postProcessor(child));
    }
    return new SequenceProcessor(list);
  }

  // ---- decoders

  static Decoder byteLevelDecoder(JsonValue json, ComponentRegistry registry) {
    return new ByteLevelDecoder();
  }

  static Decoder bpeDecoder(JsonValue json, ComponentRegistry registry) {
    return new BpeDecoder(json.optString("suffix").orElse("</w>"));
  }

  static Decoder ctcDecoder(JsonValue json, ComponentRegistry registry) {
    return new CtcDecoder(
        json.optString("pad_token").orElse("<pad>"),
        json.optString("word_delimiter_token").orElse("|"),
        json.bool("cleanup", true));
  }
}
