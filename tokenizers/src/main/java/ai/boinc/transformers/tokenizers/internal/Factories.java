package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.decoders.ByteFallbackDecoder;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.decoders.FuseDecoder;
import ai.boinc.transformers.tokenizers.decoders.ReplaceDecoder;
import ai.boinc.transformers.tokenizers.decoders.SequenceDecoder;
import ai.boinc.transformers.tokenizers.decoders.StripDecoder;
import ai.boinc.transformers.tokenizers.models.Bpe;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.normalizers.PrependNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.ReplaceNormalizer;
import ai.boinc.transformers.tokenizers.normalizers.SequenceNormalizer;
import ai.boinc.transformers.tokenizers.processors.TemplateProcessing;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/** The factories of {@link ComponentRegistry}: JSON object in, component out. */
final class Factories {
  private Factories() {}

  // ---- normalizers

  static Normalizer sequenceNormalizer(JsonValue json, ComponentRegistry registry) {
    List<Normalizer> list = new ArrayList<>();
    for (JsonValue child : json.get("normalizers").elements()) {
      list.add(registry.normalizer(child));
    }
    return new SequenceNormalizer(list);
  }

  static Normalizer prependNormalizer(JsonValue json, ComponentRegistry registry) {
    return new PrependNormalizer(json.string("prepend"));
  }

  static Normalizer replaceNormalizer(JsonValue json, ComponentRegistry registry) {
    JsonValue pattern = json.get("pattern");
    String content = json.string("content");
    String[] p = pattern(pattern);
    if (p[0].equals("Regex")) {
      Regexes.checkOniguruma(pattern.get("Regex"), p[1]);
    }
    try {
      return p[0].equals("String")
          ? ReplaceNormalizer.ofString(p[1], content)
          : ReplaceNormalizer.ofRegex(p[1], content);
    } catch (PatternSyntaxException e) {
      throw invalidRegex(pattern, e);
    }
  }

  /** A Replace/Split pattern: {@code {"String": s}} or {@code {"Regex": r}} as {kind, text}. */
  private static String[] pattern(JsonValue pattern) {
    if (!pattern.isObject() || pattern.node().size() != 1) {
      throw pattern.mismatch("an object {\"String\": ...} or {\"Regex\": ...}");
    }
    JsonValue s = pattern.get("String");
    if (!s.isMissing()) {
      return new String[] {"String", s.asString()};
    }
    JsonValue r = pattern.get("Regex");
    if (!r.isMissing()) {
      return new String[] {"Regex", r.asString()};
    }
    throw pattern.mismatch("an object {\"String\": ...} or {\"Regex\": ...}");
  }

  private static RuntimeException invalidRegex(JsonValue pattern, PatternSyntaxException e) {
    return pattern.get("Regex").error("invalid regular expression (" + e.getDescription() + ")");
  }

  // ---- models

  static Bpe bpe(JsonValue json, ComponentRegistry registry) {
    JsonValue dropout = json.get("dropout");
    if (!dropout.isAbsent() && dropout.asDouble() != 0.0) {
      throw dropout.error(
          "BPE dropout " + dropout.node().asText()
              + " is not supported (it makes encoding random); expected null or 0");
    }
    JsonValue vocabJson = json.get("vocab");
    if (!vocabJson.isObject()) {
      throw vocabJson.mismatch("an object mapping tokens to ids");
    }
    // Large vocabularies (200k entries): read the JSON nodes directly and build a JsonValue (with
    // its path) only to report a bad entry.
    JsonNode vocabNode = vocabJson.node();
    Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
    for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
        vocabJson.get(e.getKey()).asNonNegativeInt();
      }
      vocab.put(e.getKey(), v.intValue());
    }
    JsonValue mergesValue = json.get("merges");
    if (!mergesValue.isArray()) {
      throw mergesValue.mismatch("an array");
    }
    JsonNode mergesNode = mergesValue.node();
    List<String[]> merges = new ArrayList<>(mergesNode.size());
    int[] mergeSources = new int[mergesNode.size()];
    for (int i = 0; i < mergesNode.size(); i++) {
      JsonNode m = mergesNode.get(i);
      if (m.isTextual()) {
        String line = m.textValue();
        if (line.startsWith("#version")) {
          // The reference skips the header line of merges.txt files.
          continue;
        }
        int space = line.indexOf(' ');
        if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
          throw mergesValue.elements().get(i).mismatch(
              "a merge \"left right\" (two tokens separated by one space)");
        }
        merges.add(new String[] {line.substring(0, space), line.substring(space + 1)});
      } else if (m.isArray()) {
        if (m.size() != 2 || !m.get(0).isTextual() || !m.get(1).isTextual()) {
          JsonValue bad = mergesValue.elements().get(i);
          if (m.size() != 2) {
            throw bad.mismatch("a merge [\"left\", \"right\"] of two tokens");
          }
          bad.elements().get(0).asString();
          bad.elements().get(1).asString();
        }
        merges.add(new String[] {m.get(0).textValue(), m.get(1).textValue()});
      } else {
        throw mergesValue.elements().get(i).mismatch("a merge \"left right\" or [\"left\", \"right\"]");
      }
      mergeSources[merges.size() - 1] = i;
    }
    Bpe.Builder b =
        Bpe.newBuilder()
            .vocab(vocab)
            .merges(merges)
            .unkToken(json.optString("unk_token").orElse(null))
            .continuingSubwordPrefix(json.optString("continuing_subword_prefix").orElse(null))
            .endOfWordSuffix(json.optString("end_of_word_suffix").orElse(null))
            .fuseUnk(json.bool("fuse_unk", false))
            .byteFallback(json.bool("byte_fallback", false))
            .ignoreMerges(json.bool("ignore_merges", false));
    try {
      return b.build();
    } catch (Bpe.InvalidMergeException e) {
      JsonValue m = mergesValue.elements().get(mergeSources[e.mergeIndex()]);
      throw m.error("invalid merge " + m.describe() + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw json.error("invalid BPE model: " + e.getMessage());
    }
  }

  // ---- post-processors

  static TemplateProcessing templateProcessing(JsonValue json, ComponentRegistry registry) {
    List<TemplateProcessing.Piece> single = template(json.get("single"));
    List<TemplateProcessing.Piece> pair = template(json.get("pair"));
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

  private static List<TemplateProcessing.Piece> template(JsonValue json) {
    List<TemplateProcessing.Piece> out = new ArrayList<>();
    for (JsonValue piece : json.elements()) {
      if (!piece.isObject() || piece.node().size() != 1) {
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

  // ---- decoders

  static Decoder sequenceDecoder(JsonValue json, ComponentRegistry registry) {
    List<Decoder> list = new ArrayList<>();
    for (JsonValue child : json.get("decoders").elements()) {
      list.add(registry.decoder(child));
    }
    return new SequenceDecoder(list);
  }

  static Decoder replaceDecoder(JsonValue json, ComponentRegistry registry) {
    JsonValue pattern = json.get("pattern");
    String content = json.string("content");
    String[] p = pattern(pattern);
    if (p[0].equals("Regex")) {
      Regexes.checkOniguruma(pattern.get("Regex"), p[1]);
    }
    try {
      return p[0].equals("String")
          ? ReplaceDecoder.ofString(p[1], content)
          : ReplaceDecoder.ofRegex(p[1], content);
    } catch (PatternSyntaxException e) {
      throw invalidRegex(pattern, e);
    }
  }

  static Decoder byteFallbackDecoder(JsonValue json, ComponentRegistry registry) {
    return new ByteFallbackDecoder();
  }

  static Decoder fuseDecoder(JsonValue json, ComponentRegistry registry) {
    return new FuseDecoder();
  }

  static Decoder stripDecoder(JsonValue json, ComponentRegistry registry) {
    return new StripDecoder(
        json.get("content").asChar(), json.nonNegativeInt("start"), json.nonNegativeInt("stop"));
  }
}
