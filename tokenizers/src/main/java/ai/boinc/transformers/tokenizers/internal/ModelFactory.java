package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.json.ScoredPieces;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.models.Unigram;
import ai.boinc.transformers.tokenizers.models.WordLevel;
import ai.boinc.transformers.tokenizers.models.WordPiece;
import ai.boinc.transformers.tokenizers.models.bpe.BpeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the model from its {@code tokenizer.json} object: one {@code case} per {@code "type"} (a
 * new model is its class plus a case here and a name in {@link #TYPES}). Older files have no
 * {@code "type"} in the model; like the reference, the type is then inferred from the fields.
 */
final class ModelFactory extends StageFactory<Model> {
  /** The supported types, as the error message lists them. */
  static final List<String> TYPES = List.of("BPE", "Unigram", "WordLevel", "WordPiece");

  static final ModelFactory INSTANCE = new ModelFactory();

  private ModelFactory() {
    super("model", TYPES, List.of());
  }

  @Override
  Model create(JsonValue json) {
    return json.isObject() && json.get("type").isAbsent()
        ? create(json, inferType(json))
        : super.create(json);
  }

  @Override
  Model build(JsonValue json, String type) {
    switch (type) {
      case "BPE":
        return BpeFactory.fromJson(json);
      case "Unigram":
        return unigram(json);
      case "WordLevel":
        return new WordLevel(vocabObject(json.get("vocab")), json.string("unk_token"));
      case "WordPiece":
        return wordPiece(json);
      default:
        throw unknown(json, type);
    }
  }

  private static String inferType(JsonValue json) {
    JsonValue vocab = json.get("vocab");
    if (!json.get("merges").isMissing()) {
      return "BPE";
    }
    if (vocab.isArray()) {
      return "Unigram";
    }
    if (!json.get("continuing_subword_prefix").isMissing()
        && !json.get("max_input_chars_per_word").isMissing()) {
      return "WordPiece";
    }
    if (vocab.isObject()) {
      return "WordLevel";
    }
    throw json.error(
        "cannot tell the model type: no \"type\" and no \"vocab\"/\"merges\" to infer it from");
  }

  private static Model wordPiece(JsonValue json) {
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

  private static Model unigram(JsonValue json) {
    Unigram.Builder b = Unigram.newBuilder();
    JsonValue vocab = json.get("vocab");
    if (vocab.node() instanceof ScoredPieces) {
      // The compact form holds only valid [piece, score] pairs: no value per pair to check.
      ScoredPieces pieces = (ScoredPieces) vocab.node();
      for (int i = 0; i < pieces.count(); i++) {
        b.piece(pieces.piece(i), pieces.score(i));
      }
    } else {
      unigramPieces(vocab, b);
    }
    JsonValue unk = json.get("unk_id");
    int unkId = unk.isAbsent() ? -1 : unk.asNonNegativeInt();
    try {
      return b.unkId(unkId).byteFallback(json.bool("byte_fallback", false)).build();
    } catch (IllegalArgumentException e) {
      throw (unk.isAbsent() ? json : unk).error("invalid Unigram model: " + e.getMessage());
    }
  }

  /** The pieces of a Unigram vocabulary read as a generic array. */
  private static void unigramPieces(JsonValue vocab, Unigram.Builder b) {
    for (JsonValue entry : vocab.elements()) {
      List<JsonValue> pair = entry.elements();
      if (pair.size() != 2) {
        throw entry.mismatch("a [piece, score] pair");
      }
      double score = pair.get(1).asDouble();
      b.piece(pair.get(0).asString(), score);
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
}
