package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.normalizers.BertNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.ByteLevelNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.LowercaseNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfcNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfdNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfkcNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NfkdNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NmtNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.normalizers.PrecompiledNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.PrependNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.ReplaceNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.SequenceNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.StripAccentsNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.StripNormalizer;
import java.util.Base64;
import java.util.List;

/**
 * Builds a normalizer from its {@code tokenizer.json} object: one {@code case} per {@code "type"}
 * (a new normalizer is its class plus a case here and a name in {@link #TYPES}). Field rules
 * (required, optional, defaults) follow the reference's deserializers.
 */
public final class NormalizerFactory extends StageFactory<Normalizer> {
  /** The supported types, as the error message lists them. */
  public static final List<String> TYPES =
      List.of(
          "BertNormalizer", "ByteLevel", "Lowercase", "NFC", "NFD", "NFKC", "NFKD", "Nmt",
          "Precompiled", "Prepend", "Replace", "Sequence", "Strip", "StripAccents");

  static final NormalizerFactory INSTANCE = new NormalizerFactory();

  private NormalizerFactory() {
    super("normalizer", TYPES, List.of());
  }

  @Override
  Normalizer build(JsonValue json, String type) {
    switch (type) {
      case "BertNormalizer":
        return bert(json);
      case "ByteLevel":
        return new ByteLevelNormalizer();
      case "Lowercase":
        return new LowercaseNormalizer();
      case "NFC":
        return new NfcNormalizer();
      case "NFD":
        return new NfdNormalizer();
      case "NFKC":
        return new NfkcNormalizer();
      case "NFKD":
        return new NfkdNormalizer();
      case "Nmt":
        return new NmtNormalizer();
      case "Precompiled":
        return precompiled(json);
      case "Prepend":
        return new PrependNormalizer(json.string("prepend"));
      case "Replace":
        return replace(json);
      case "Sequence":
        return sequence(json);
      case "Strip":
        return new StripNormalizer(json.bool("strip_left", true), json.bool("strip_right", true));
      case "StripAccents":
        return new StripAccentsNormalizer();
      default:
        throw unknown(json, type);
    }
  }

  private static Normalizer bert(JsonValue json) {
    JsonValue strip = json.get("strip_accents");
    return new BertNormalizer(
        json.get("clean_text").asBoolean(),
        json.get("handle_chinese_chars").asBoolean(),
        strip.isAbsent() ? null : strip.asBoolean(),
        json.get("lowercase").asBoolean());
  }

  private static Normalizer precompiled(JsonValue json) {
    JsonValue map = json.get("precompiled_charsmap");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(map.asString());
    } catch (IllegalArgumentException e) {
      throw map.error("precompiled_charsmap is not valid base64 (" + e.getMessage() + ")");
    }
    try {
      return new PrecompiledNormalizer(bytes);
    } catch (IllegalArgumentException e) {
      throw map.error("invalid precompiled_charsmap: " + e.getMessage());
    }
  }

  private static Normalizer replace(JsonValue json) {
    // replacePattern has checked a regex (compiled it, or knows it compiles): ofRegex cannot fail.
    JsonValue pattern = StageFactory.replacePattern(json);
    String content = json.string("content");
    return StageFactory.isRegex(json.get("pattern"))
        ? ReplaceNormalizer.ofRegex(pattern.asString(), content)
        : ReplaceNormalizer.ofString(pattern.asString(), content);
  }

  private static Normalizer sequence(JsonValue json) {
    return new SequenceNormalizer(INSTANCE.createAll(json.get("normalizers")));
  }
}
