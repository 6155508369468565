package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.decoders.MetaspaceDecoder;
import ai.boinc.transformers.tokenizers.decoders.WordPieceDecoder;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.models.Unigram;
import ai.boinc.transformers.tokenizers.models.WordLevel;
import ai.boinc.transformers.tokenizers.models.WordPiece;
import ai.boinc.transformers.tokenizers.normalizers.BertNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.NmtNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.normalizers.PrecompiledNormalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer.PrependScheme;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SequencePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.WhitespaceSplitPreTokenizer;
import ai.boinc.transformers.tokenizers.processors.BertProcessing;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The factories of {@link ComponentRegistry} for the WordPiece and Unigram families (BERT, T5,
 * SentencePiece): JSON object in, component out. Field rules (required, optional, defaults) follow
 * the reference's deserializers.
 */
final class SubwordFactories {
  private SubwordFactories() {}

  // ---- normalizers

  static Normalizer bertNormalizer(JsonValue json, ComponentRegistry registry) {
    JsonValue strip = json.get("strip_accents");
    return new BertNormalizer(
        json.get("clean_text").asBoolean(),
        json.get("handle_chinese_chars").asBoolean(),
        strip.isAbsent() ? null : strip.asBoolean(),
        json.get("lowercase").asBoolean());
  }

  static Normalizer precompiled(JsonValue json, ComponentRegistry registry) {
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

  static Normalizer nmt(JsonValue json, ComponentRegistry registry) {
    return new NmtNormalizer();
  }

  // ---- pre-tokenizers

  static PreTokenizer bertPreTokenizer(JsonValue json, ComponentRegistry registry) {
    return new BertPreTokenizer();
  }

  static PreTokenizer whitespaceSplit(JsonValue json, ComponentRegistry registry) {
    return new WhitespaceSplitPreTokenizer();
  }

  static PreTokenizer sequencePreTokenizer(JsonValue json, ComponentRegistry registry) {
    List<PreTokenizer> list = new ArrayList<>();
    for (JsonValue child : json.get("pretokenizers").elements()) {
      list.add(registry.preTokenizer(child));
    }
    return new SequencePreTokenizer(list);
  }

  static PreTokenizer metaspace(JsonValue json, ComponentRegistry registry) {
    return new MetaspacePreTokenizer(
        json.get("replacement").asChar(), prependScheme(json), json.bool("split", true));
  }

  /**
   * {@code prepend_scheme} ({@code always} when absent); the older {@code add_prefix_space:
   * false} means {@code never} and contradicts any other declared scheme.
   */
  private static PrependScheme prependScheme(JsonValue json) {
    JsonValue scheme = json.get("prepend_scheme");
    PrependScheme result = PrependScheme.ALWAYS;
    if (!scheme.isMissing()) {
      String s = scheme.asString();
      switch (s) {
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
          "add_prefix_space false contradicts prepend_scheme \"" + result.name().toLowerCase(java.util.Locale.ROOT)
              + "\" (absent means \"always\"); expected prepend_scheme \"never\"");
    }
    return result;
  }

  // ---- models

  static Model wordPiece(JsonValue json, ComponentRegistry registry) {
    try {
      return WordPiece.newBuilder()
          .vocab(vocabObject(json.get("vocab")))
          .unkToken(json.string("unk_token"))
          .continuingSubwordPrefix(json.string("continuing_subword_prefix"))
          .maxInputCharsPerWord(json.nonNegativeInt("max_input_chars_per_word"))
          .build();
    } catch (IllegalArgumentException e) {
      throw json.error("invalid WordPiece model: " + e.getMessage());
    }
  }

  static Model wordLevel(JsonValue json, ComponentRegistry registry) {
    return new WordLevel(vocabObject(json.get("vocab")), json.string("unk_token"));
  }

  static Model unigram(JsonValue json, ComponentRegistry registry) {
    Unigram.Builder b = Unigram.newBuilder();
    for (JsonValue entry : json.get("vocab").elements()) {
      List<JsonValue> pair = entry.elements();
      if (pair.size() != 2) {
        throw entry.mismatch("a [piece, score] pair");
      }
      double score = pair.get(1).asDouble();
      b.piece(pair.get(0).asString(), score);
    }
    JsonValue unk = json.get("unk_id");
    int unkId = unk.isAbsent() ? -1 : unk.asNonNegativeInt();
    try {
      return b.unkId(unkId).byteFallback(json.bool("byte_fallback", false)).build();
    } catch (IllegalArgumentException e) {
      throw (unk.isAbsent() ? json : unk).error("invalid Unigram model: " + e.getMessage());
    }
  }

  private static Map<String, Integer> vocabObject(JsonValue vocab) {
    if (!vocab.isObject()) {
      throw vocab.mismatch("an object mapping tokens to ids");
    }
    Map<String, Integer> out = new HashMap<>(vocab.size() * 2);
    for (Map.Entry<String, JsonValue> e : vocab.members()) {
      out.put(e.getKey(), e.getValue().asNonNegativeInt());
    }
    return out;
  }

  // ---- post-processors

  static PostProcessor bertProcessing(JsonValue json, ComponentRegistry registry) {
    List<JsonValue> sep = tokenAndId(json.get("sep"));
    List<JsonValue> cls = tokenAndId(json.get("cls"));
    return new BertProcessing(
        sep.get(0).asString(), sep.get(1).asNonNegativeInt(),
        cls.get(0).asString(), cls.get(1).asNonNegativeInt());
  }

  private static List<JsonValue> tokenAndId(JsonValue json) {
    List<JsonValue> pair = json.elements();
    if (pair.size() != 2) {
      throw json.mismatch("a [token, id] pair");
    }
    return pair;
  }

  // ---- decoders

  static Decoder wordPieceDecoder(JsonValue json, ComponentRegistry registry) {
    return new WordPieceDecoder(json.string("prefix"), json.get("cleanup").asBoolean());
  }

  static Decoder metaspaceDecoder(JsonValue json, ComponentRegistry registry) {
    return new MetaspaceDecoder(json.get("replacement").asChar(), prependScheme(json));
  }
}
