package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.decoders.BpeDecoder;
import ai.boinc.transformers.tokenizers.decoders.ByteFallbackDecoder;
import ai.boinc.transformers.tokenizers.decoders.ByteLevelDecoder;
import ai.boinc.transformers.tokenizers.decoders.CtcDecoder;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.decoders.FuseDecoder;
import ai.boinc.transformers.tokenizers.decoders.MetaspaceDecoder;
import ai.boinc.transformers.tokenizers.decoders.ReplaceDecoder;
import ai.boinc.transformers.tokenizers.decoders.SequenceDecoder;
import ai.boinc.transformers.tokenizers.decoders.StripDecoder;
import ai.boinc.transformers.tokenizers.decoders.WordPieceDecoder;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import java.util.List;

/**
 * Builds a decoder from its {@code tokenizer.json} object: one {@code case} per {@code "type"} (a
 * new decoder is its class plus a case here and a name in {@link #TYPES}).
 */
final class DecoderFactory extends StageFactory<Decoder> {
  /** The supported types, as the error message lists them. */
  static final List<String> TYPES =
      List.of(
          "BPEDecoder", "ByteFallback", "ByteLevel", "CTC", "Fuse", "Metaspace", "Replace",
          "Sequence", "Strip", "WordPiece");

  static final DecoderFactory INSTANCE = new DecoderFactory();

  private DecoderFactory() {
    super("decoder", TYPES, List.of());
  }

  @Override
  Decoder build(JsonValue json, String type) {
    switch (type) {
      case "BPEDecoder":
        return new BpeDecoder(json.optString("suffix").orElse("</w>"));
      case "ByteFallback":
        return new ByteFallbackDecoder();
      case "ByteLevel":
        return new ByteLevelDecoder();
      case "CTC":
        return new CtcDecoder(
            json.optString("pad_token").orElse("<pad>"),
            json.optString("word_delimiter_token").orElse("|"),
            json.bool("cleanup", true));
      case "Fuse":
        return new FuseDecoder();
      case "Metaspace":
        return new MetaspaceDecoder(
            json.get("replacement").asChar(), PreTokenizerFactory.prependScheme(json));
      case "Replace":
        return replace(json);
      case "Sequence":
        return sequence(json);
      case "Strip":
        return new StripDecoder(
            json.get("content").asChar(), json.nonNegativeInt("start"), json.nonNegativeInt("stop"));
      case "WordPiece":
        return new WordPieceDecoder(json.string("prefix"), json.get("cleanup").asBoolean());
      default:
        throw unknown(json, type);
    }
  }

  private static Decoder replace(JsonValue json) {
    // replacePattern has checked a regex (compiled it, or knows it compiles): ofRegex cannot fail.
    JsonValue pattern = StageFactory.replacePattern(json);
    String content = json.string("content");
    return StageFactory.isRegex(json.get("pattern"))
        ? ReplaceDecoder.ofRegex(pattern.asString(), content)
        : ReplaceDecoder.ofString(pattern.asString(), content);
  }

  private static Decoder sequence(JsonValue json) {
    return new SequenceDecoder(INSTANCE.createAll(json.get("decoders")));
  }
}
