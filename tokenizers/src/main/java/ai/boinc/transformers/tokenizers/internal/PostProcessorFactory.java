package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.processors.BertProcessing;
import ai.boinc.transformers.tokenizers.processors.ByteLevelProcessor;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import ai.boinc.transformers.tokenizers.processors.RobertaProcessing;
import ai.boinc.transformers.tokenizers.processors.SequenceProcessor;
import ai.boinc.transformers.tokenizers.processors.TemplateProcessing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a post-processor from its {@code tokenizer.json} object: one {@code case} per {@code
 * "type"} (a new post-processor is its class plus a case here and a name in {@link #TYPES}).
 */
final class PostProcessorFactory extends StageFactory<PostProcessor> {
  /** The supported types, as the error message lists them. */
  static final List<String> TYPES =
      List.of(
          "BertProcessing", "ByteLevel", "RobertaProcessing", "Sequence", "TemplateProcessing");

  static final PostProcessorFactory INSTANCE = new PostProcessorFactory();

  private PostProcessorFactory() {
    super("post_processor", TYPES, List.of());
  }

  @Override
  PostProcessor build(JsonValue json, String type) {
    switch (type) {
      case "BertProcessing":
        return new BertProcessing(
            tokenOf(json.get("sep")), idOf(json.get("sep")),
            tokenOf(json.get("cls")), idOf(json.get("cls")));
      case "ByteLevel":
        return new ByteLevelProcessor(
            json.bool("trim_offsets", true), json.bool("add_prefix_space", true));
      case "RobertaProcessing":
        return new RobertaProcessing(
            tokenOf(json.get("sep")),
            idOf(json.get("sep")),
            tokenOf(json.get("cls")),
            idOf(json.get("cls")),
            json.bool("trim_offsets", true),
            json.bool("add_prefix_space", true));
      case "Sequence":
        return sequence(json);
      case "TemplateProcessing":
        return template(json);
      default:
        throw unknown(json, type);
    }
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

  private static PostProcessor sequence(JsonValue json) {
    return new SequenceProcessor(INSTANCE.createAll(json.get("processors")));
  }

  private static PostProcessor template(JsonValue json) {
    List<TemplateProcessing.Piece> single = pieces(json.get("single"));
    List<TemplateProcessing.Piece> pair = pieces(json.get("pair"));
    Map<String, TemplateProcessing.SpecialToken> specials = new LinkedHashMap<>();
    JsonValue specialsJson = json.get("special_tokens");
    if (!specialsJson.isAbsent()) {
      for (Map.Entry<String, JsonValue> e : specialsJson.members()) {
        JsonValue t = e.getValue().requireObject();
        List<JsonValue> idsJson = t.get("ids").elements();
        int[] ids = new int[idsJson.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = idsJson.get(i).asNonNegativeInt();
        }
        List<String> tokens = new ArrayList<>();
        for (JsonValue tok : t.get("tokens").elements()) {
          tokens.add(tok.asString());
        }
        if (ids.length != tokens.size()) {
          throw t.error(
              "special token '" + e.getKey() + "' has " + ids.length + " ids but "
                  + tokens.size() + " tokens");
        }
        String id = t.optString("id").orElse(e.getKey());
        specials.put(e.getKey(), new TemplateProcessing.SpecialToken(id, ids, tokens));
      }
    }
    for (String which : List.of("single", "pair")) {
      List<JsonValue> pieces = json.get(which).elements();
      List<TemplateProcessing.Piece> parsed = which.equals("single") ? single : pair;
      for (int i = 0; i < parsed.size(); i++) {
        TemplateProcessing.Piece p = parsed.get(i);
        if (!p.isSequence() && !specials.containsKey(p.id())) {
          throw pieces.get(i).error(
              "special token '" + p.id() + "' is used in the template but missing from "
                  + json.get("special_tokens").path());
        }
      }
    }
    return new TemplateProcessing(single, pair, specials);
  }

  private static List<TemplateProcessing.Piece> pieces(JsonValue json) {
    List<TemplateProcessing.Piece> out = new ArrayList<>();
    for (JsonValue piece : json.elements()) {
      if (!piece.isObject() || piece.size() != 1) {
        throw piece.mismatch("a piece {\"Sequence\": {...}} or {\"SpecialToken\": {...}}");
      }
      JsonValue seq = piece.get("Sequence");
      JsonValue special = piece.get("SpecialToken");
      if (!seq.isMissing()) {
        seq.requireObject();
        JsonValue id = seq.get("id");
        String name = id.asString();
        if (!name.equals("A") && !name.equals("B")) {
          throw id.mismatch("\"A\" or \"B\"");
        }
        out.add(
            TemplateProcessing.Piece.sequence(name.equals("A") ? 0 : 1, seq.nonNegativeInt("type_id")));
      } else if (!special.isMissing()) {
        special.requireObject();
        out.add(
            TemplateProcessing.Piece.specialToken(
                special.string("id"), special.nonNegativeInt("type_id")));
      } else {
        throw piece.mismatch("a piece {\"Sequence\": {...}} or {\"SpecialToken\": {...}}");
      }
    }
    return out;
  }
}
