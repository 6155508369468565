package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.pipeline.AddedVocabulary;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.AddedToken;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import ai.boinc.transformers.tokenizers.processors.TemplateProcessing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a model folder's {@code tokenizer_config.json} and {@code special_tokens_map.json} to
 * the tokenizer of its {@code tokenizer.json}, the way Transformers 4.x loads a fast tokenizer
 * from a folder ({@code PreTrainedTokenizerBase._from_pretrained}, {@code
 * PreTrainedTokenizerFast.__init__}, {@code LlamaTokenizerFast.update_post_processor}):
 *
 * <ol>
 *   <li>The tokens to add are, when the config has {@code added_tokens_decoder}, its tokens in id
 *       order; otherwise (older folders) the {@code tokenizer.json} added tokens, and {@code
 *       special_tokens_map.json} overrides the config's special tokens. Then come the named
 *       special tokens ({@code bos eos unk sep pad cls mask}, then {@code
 *       additional_special_tokens}) that are not added tokens already.
 *   <li>A token is special if it says so or is one of the named special tokens. Consecutive
 *       tokens of the same kind are added in one reference {@code add_tokens} call; special ones
 *       are marked special, and a token whose {@code normalized} flag is not given is normalized
 *       only if not special. Ids come from the vocabulary, not from the config's keys (as in
 *       Transformers' fast tokenizers).
 *   <li>For {@code LlamaTokenizer}, {@code CodeLlamaTokenizer} and {@code GemmaTokenizer} (with or
 *       without {@code Fast}), the post-processor is rebuilt from bos/eos as {@code
 *       update_post_processor} does: {@code [bos:0] $A:0 [eos:0]} and {@code [bos:0] $A:0 [eos:0]
 *       [bos:1] $B:1 [eos:1]}, with {@code add_bos_token} defaulting to true and {@code
 *       add_eos_token} to false. For other classes it is rebuilt only when the config sets {@code
 *       add_bos_token} or {@code add_eos_token} to true and the tokenizer's post-processor is a
 *       {@code TemplateProcessing} or missing (a ByteLevel or BERT-style processor is kept).
 * </ol>
 *
 * <p>Lenient where Transformers would fail only by accident: special tokens may be objects with
 * or without {@code "__type": "AddedToken"}, and unknown keys are ignored.
 */
public final class ConfigApplier {
  private static final List<String> NAMED =
      List.of("bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token");
  private static final String ADDITIONAL = "additional_special_tokens";
  private static final Set<String> TEMPLATE_CLASSES =
      Set.of(
          "LlamaTokenizer", "LlamaTokenizerFast", "CodeLlamaTokenizer", "CodeLlamaTokenizerFast",
          "GemmaTokenizer", "GemmaTokenizerFast");

  private ConfigApplier() {}

  /** Parses a {@code tokenizer_config.json} alone into its public record. */
  public static TokenizerConfig parse(Object config) {
    return read(config, "tokenizer_config.json", null, null).toConfig();
  }

  /**
   * {@code tokenizer} with the config applied and attached.
   *
   * @param config the parsed {@code tokenizer_config.json}, or null if the folder has none
   * @param specialTokensMap the parsed {@code special_tokens_map.json}, or null
   * @throws TokenizerLoadException naming the file and JSON path of a bad value
   */
  public static PipelineTokenizer apply(
      PipelineTokenizer tokenizer,
      Object config,
      String configName,
      Object specialTokensMap,
      String mapName) {
    Parsed p = read(config, configName, specialTokensMap, mapName);
    PipelineTokenizer out = tokenizer.withAddedTokens(p.batches(tokenizer));
    PostProcessor rebuilt = p.postProcessor(out, configName);
    if (rebuilt != null) {
      out = out.withPostProcessor(rebuilt);
    }
    return out.withConfig(p.toConfig());
  }

  private static Parsed read(Object config, String configName, Object map, String mapName) {
    Parsed p = new Parsed();
    if (config != null) {
      inFile(configName, () -> p.readConfig(JsonValue.root(config)));
    }
    if (map != null && !p.hasDecoder) {
      inFile(mapName, () -> p.readSpecialTokensMap(JsonValue.root(map)));
    }
    return p;
  }

  private static void inFile(String file, Runnable r) {
    try {
      r.run();
    } catch (TokenizerLoadException e) {
      throw new TokenizerLoadException(
          "bad " + file + ": " + e.getMessage(), e.jsonPath().orElse(null), e);
    }
  }

  /**
   * A token as Transformers holds it before adding it: a plain string, or an {@code AddedToken}
   * whose {@code normalized} flag may be unset (then it follows {@code special} when added).
   */
  private static final class ConfigToken {
    final String content;
    final boolean singleWord;
    final boolean lstrip;
    final boolean rstrip;
    final Boolean normalized;
    final boolean special;
    /** A plain string in the file rather than an AddedToken object. */
    final boolean fromString;

    ConfigToken(
        String content,
        boolean singleWord,
        boolean lstrip,
        boolean rstrip,
        Boolean normalized,
        boolean special,
        boolean fromString) {
      this.content = content;
      this.fromString = fromString;
      this.singleWord = singleWord;
      this.lstrip = lstrip;
      this.rstrip = rstrip;
      this.normalized = normalized;
      this.special = special;
    }

    static ConfigToken ofString(String content) {
      return new ConfigToken(content, false, false, false, null, false, true);
    }

    static ConfigToken of(AddedToken t) {
      return new ConfigToken(
          t.content(), t.singleWord(), t.lstrip(), t.rstrip(), t.normalized(), t.special(), false);
    }

    /** An {@code AddedToken} object of a config; {@code forceSpecial} for special_tokens_map. */
    static ConfigToken parse(JsonValue v, boolean forceSpecial) {
      if (v.isString()) {
        return ofString(v.asString());
      }
      if (!v.isObject()) {
        throw v.mismatch("a token string or an AddedToken object");
      }
      JsonValue n = v.get("normalized");
      return new ConfigToken(
          v.string("content"),
          v.bool("single_word", false),
          v.bool("lstrip", false),
          v.bool("rstrip", false),
          n.isAbsent() ? null : n.asBoolean(),
          forceSpecial || v.bool("special", false),
          false);
    }

    /** Python's {@code AddedToken.__eq__}: the tokens as they stand are equal. */
    boolean sameAs(ConfigToken other) {
      return !fromString && !other.fromString && resolve(false).equals(other.resolve(false));
    }

    /** The token handed to the reference: marked special in a special batch. */
    AddedToken resolve(boolean asSpecial) {
      boolean s = asSpecial || special;
      return AddedToken.newBuilder(content, s)
          .singleWord(singleWord)
          .lstrip(lstrip)
          .rstrip(rstrip)
          .normalized(normalized != null ? normalized : !s)
          .build();
    }
  }

  private static final class Parsed {
    final Map<String, ConfigToken> named = new LinkedHashMap<>();
    List<ConfigToken> additional = new ArrayList<>();
    final TreeMap<Integer, ConfigToken> decoder = new TreeMap<>();
    boolean hasDecoder;
    Boolean addBos;
    Boolean addEos;
    Boolean cleanUp;
    String tokenizerClass;
    Long modelMaxLength;
    String paddingSide;
    String truncationSide;
    JsonValue addBosJson;
    JsonValue addEosJson;
    Boolean legacy;
    Boolean addPrefixSpace;
    Boolean doLowerCase;
    Boolean tokenizeChineseChars;
    final Map<String, String> chatTemplates = new LinkedHashMap<>();

    void readConfig(JsonValue root) {
      if (!root.isObject()) {
        throw root.mismatch("a tokenizer_config.json object");
      }
      for (String key : NAMED) {
        JsonValue v = root.get(key);
        if (!v.isAbsent()) {
          named.put(key, ConfigToken.parse(v, false));
        }
      }
      JsonValue extra = root.get(ADDITIONAL);
      if (!extra.isAbsent()) {
        for (JsonValue t : extra.elements()) {
          additional.add(ConfigToken.parse(t, false));
        }
      }
      JsonValue dec = root.get("added_tokens_decoder");
      if (!dec.isAbsent()) {
        hasDecoder = true;
        for (Map.Entry<String, JsonValue> e : dec.members()) {
          int id;
          try {
            id = Integer.parseInt(e.getKey());
          } catch (NumberFormatException x) {
            id = -1;
          }
          if (id < 0) {
            throw e.getValue().error("added_tokens_decoder key '" + e.getKey() + "' is not a non-negative integer id");
          }
          JsonValue t = e.getValue().requireObject();
          decoder.put(id, ConfigToken.parse(t, false));
        }
      }
      JsonValue v;
      if (!(v = root.get("add_bos_token")).isAbsent()) {
        addBos = v.asBoolean();
        addBosJson = v;
      }
      if (!(v = root.get("add_eos_token")).isAbsent()) {
        addEos = v.asBoolean();
        addEosJson = v;
      }
      if (!(v = root.get("clean_up_tokenization_spaces")).isAbsent()) {
        cleanUp = v.asBoolean();
      }
      if (!(v = root.get("tokenizer_class")).isAbsent()) {
        tokenizerClass = v.asString();
      }
      if (!(v = root.get("model_max_length")).isAbsent()) {
        modelMaxLength = maxLength(v);
      }
      if (!(v = root.get("padding_side")).isAbsent()) {
        paddingSide = side(v);
      }
      if (!(v = root.get("truncation_side")).isAbsent()) {
        truncationSide = side(v);
      }
      legacy = recordedFlag(root.get("legacy"));
      addPrefixSpace = recordedFlag(root.get("add_prefix_space"));
      doLowerCase = recordedFlag(root.get("do_lower_case"));
      tokenizeChineseChars = recordedFlag(root.get("tokenize_chinese_chars"));
      if (!(v = root.get("chat_template")).isAbsent()) {
        readChatTemplates(v);
      }
    }

    /** A flag recorded but not acted on: anything but a boolean is ignored, not an error. */
    private static Boolean recordedFlag(JsonValue v) {
      return v.node() instanceof Boolean ? (Boolean) v.node() : null;
    }

    /** A template string, or a list of {@code {name, template}} objects (as Transformers.js). */
    private void readChatTemplates(JsonValue v) {
      if (v.isString()) {
        chatTemplates.put("default", v.asString());
        return;
      }
      if (!v.isArray()) {
        throw v.mismatch("a template string or a list of {\"name\", \"template\"} objects");
      }
      for (JsonValue t : v.elements()) {
        t.requireObject();
        chatTemplates.put(t.string("name"), t.string("template"));
      }
    }

    /** Older folders: special_tokens_map.json overrides the config's special tokens. */
    void readSpecialTokensMap(JsonValue root) {
      if (!root.isObject()) {
        throw root.mismatch("a special_tokens_map.json object");
      }
      for (String key : NAMED) {
        JsonValue v = root.get(key);
        if (!v.isAbsent()) {
          named.put(key, ConfigToken.parse(v, true));
        }
      }
      JsonValue extra = root.get(ADDITIONAL);
      if (!extra.isAbsent()) {
        Set<String> have = new HashSet<>();
        for (ConfigToken t : additional) {
          have.add(t.content);
        }
        for (JsonValue t : extra.elements()) {
          ConfigToken c = ConfigToken.parse(t, true);
          if (have.add(c.content)) {
            additional.add(c);
          }
        }
      }
    }

    /** The reference {@code add_tokens} calls Transformers makes, in order. */
    List<List<AddedToken>> batches(PipelineTokenizer tokenizer) {
      AddedVocabulary existing = tokenizer.addedVocabulary();
      List<ConfigToken> toAdd = new ArrayList<>();
      Map<String, ConfigToken> byContent = new LinkedHashMap<>();
      if (hasDecoder) {
        for (ConfigToken t : decoder.values()) {
          toAdd.add(t);
          byContent.put(t.content, t);
        }
      } else {
        TreeMap<Integer, AddedToken> sorted = new TreeMap<>();
        for (List<AddedToken> batch : existing.batches()) {
          for (AddedToken t : batch) {
            OptionalInt id = existing.addedId(t.content());
            if (id.isPresent()) {
              sorted.putIfAbsent(id.getAsInt(), existing.token(id.getAsInt()).orElse(t));
            }
          }
        }
        for (AddedToken t : sorted.values()) {
          ConfigToken c = ConfigToken.of(t);
          toAdd.add(c);
          byContent.put(c.content, c);
        }
      }
      Set<String> encoder = new HashSet<>(existing.contents());
      encoder.addAll(byContent.keySet());
      Set<String> specialContents = new LinkedHashSet<>();
      for (ConfigToken t : allSpecial()) {
        specialContents.add(t.content);
        boolean isNamed = named.containsValue(t);
        if (isNamed && byContent.containsKey(t.content)) {
          // Transformers swaps a named token for the token being added with the same content.
          continue;
        }
        if (t.fromString ? encoder.contains(t.content) || byContent.containsKey(t.content) : contains(toAdd, t)) {
          continue;
        }
        toAdd.add(t);
        byContent.put(t.content, t);
      }
      List<List<AddedToken>> batches = new ArrayList<>();
      List<AddedToken> current = new ArrayList<>();
      Boolean lastSpecial = null;
      for (ConfigToken t : toAdd) {
        boolean special = t.special || specialContents.contains(t.content);
        if (lastSpecial != null && lastSpecial != special) {
          batches.add(current);
          current = new ArrayList<>();
        }
        current.add(t.resolve(special));
        lastSpecial = special;
      }
      if (!current.isEmpty()) {
        batches.add(current);
      }
      return batches;
    }

    private static boolean contains(List<ConfigToken> list, ConfigToken t) {
      for (ConfigToken x : list) {
        if (x == t || x.sameAs(t)) {
          return true;
        }
      }
      return false;
    }

    /** Named special tokens then additional ones, the first of each content only. */
    private List<ConfigToken> allSpecial() {
      List<ConfigToken> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (ConfigToken t : named.values()) {
        if (seen.add(t.content)) {
          out.add(t);
        }
      }
      for (ConfigToken t : additional) {
        if (seen.add(t.content)) {
          out.add(t);
        }
      }
      return out;
    }

    /** The rebuilt post-processor, or null to keep the tokenizer's. */
    PostProcessor postProcessor(PipelineTokenizer tokenizer, String configName) {
      boolean bosOn;
      boolean eosOn;
      if (tokenizerClass != null && TEMPLATE_CLASSES.contains(tokenizerClass)) {
        bosOn = addBos == null || addBos;
        eosOn = addEos != null && addEos;
      } else if ((Boolean.TRUE.equals(addBos) || Boolean.TRUE.equals(addEos))
          && (tokenizer.postProcessor() == null
              || tokenizer.postProcessor() instanceof TemplateProcessing)) {
        bosOn = Boolean.TRUE.equals(addBos);
        eosOn = Boolean.TRUE.equals(addEos);
      } else {
        return null;
      }
      List<TemplateProcessing.Piece> single = new ArrayList<>();
      List<TemplateProcessing.Piece> pair = new ArrayList<>();
      Map<String, TemplateProcessing.SpecialToken> specials = new LinkedHashMap<>();
      String bos = bosOn ? special(tokenizer, "bos_token", addBosJson, configName, specials) : null;
      String eos = eosOn ? special(tokenizer, "eos_token", addEosJson, configName, specials) : null;
      for (int seq = 0; seq < 2; seq++) {
        List<TemplateProcessing.Piece> into = seq == 0 ? single : pair;
        for (int part = 0; part <= seq; part++) {
          if (bos != null) {
            into.add(TemplateProcessing.Piece.specialToken(bos, part));
          }
          into.add(TemplateProcessing.Piece.sequence(part, part));
          if (eos != null) {
            into.add(TemplateProcessing.Piece.specialToken(eos, part));
          }
        }
      }
      return new TemplateProcessing(single, pair, specials);
    }

    private String special(
        PipelineTokenizer tokenizer,
        String role,
        JsonValue flag,
        String configName,
        Map<String, TemplateProcessing.SpecialToken> specials) {
      ConfigToken t = named.get(role);
      String what = role.equals("bos_token") ? "add_bos_token" : "add_eos_token";
      if (t == null) {
        throw problem(flag, configName, what + " is on but the config names no " + role);
      }
      OptionalInt id = tokenizer.tokenToId(t.content);
      if (id.isEmpty() && named.containsKey("unk_token")) {
        id = tokenizer.tokenToId(named.get("unk_token").content);
      }
      if (id.isEmpty()) {
        throw problem(flag, configName, role + " '" + t.content + "' has no id in the vocabulary");
      }
      specials.put(
          t.content,
          new TemplateProcessing.SpecialToken(t.content, new int[] {id.getAsInt()}, List.of(t.content)));
      return t.content;
    }

    private static TokenizerLoadException problem(JsonValue at, String file, String message) {
      String path = at == null ? null : at.path();
      return new TokenizerLoadException(
          "bad " + file + ": " + message + (path == null ? "" : " (at " + path + ")"), path, null);
    }

    TokenizerConfig toConfig() {
      TokenizerConfig.Builder b = TokenizerConfig.newBuilder();
      ConfigToken t;
      if ((t = named.get("bos_token")) != null) b.bosToken(t.resolve(true));
      if ((t = named.get("eos_token")) != null) b.eosToken(t.resolve(true));
      if ((t = named.get("unk_token")) != null) b.unkToken(t.resolve(true));
      if ((t = named.get("sep_token")) != null) b.sepToken(t.resolve(true));
      if ((t = named.get("pad_token")) != null) b.padToken(t.resolve(true));
      if ((t = named.get("cls_token")) != null) b.clsToken(t.resolve(true));
      if ((t = named.get("mask_token")) != null) b.maskToken(t.resolve(true));
      List<AddedToken> extra = new ArrayList<>();
      Set<String> specialContents = new HashSet<>();
      for (ConfigToken c : allSpecial()) {
        specialContents.add(c.content);
      }
      for (ConfigToken c : additional) {
        extra.add(c.resolve(true));
      }
      b.additionalSpecialTokens(extra);
      Map<Integer, AddedToken> dec = new TreeMap<>();
      for (Map.Entry<Integer, ConfigToken> e : decoder.entrySet()) {
        ConfigToken c = e.getValue();
        dec.put(e.getKey(), c.resolve(c.special || specialContents.contains(c.content)));
      }
      b.addedTokensDecoder(dec);
      if (addBos != null) b.addBosToken(addBos);
      if (addEos != null) b.addEosToken(addEos);
      if (cleanUp != null) b.cleanUpTokenizationSpaces(cleanUp);
      if (tokenizerClass != null) b.tokenizerClass(tokenizerClass);
      if (modelMaxLength != null) b.modelMaxLength(modelMaxLength);
      if (paddingSide != null) b.paddingSide(paddingSide);
      if (truncationSide != null) b.truncationSide(truncationSide);
      if (legacy != null) b.legacy(legacy);
      if (addPrefixSpace != null) b.addPrefixSpace(addPrefixSpace);
      if (doLowerCase != null) b.doLowerCase(doLowerCase);
      if (tokenizeChineseChars != null) b.tokenizeChineseChars(tokenizeChineseChars);
      b.chatTemplates(chatTemplates);
      return b.build();
    }

    private static String side(JsonValue v) {
      String s = v.asString();
      if (!s.equals("left") && !s.equals("right")) {
        throw v.mismatch("\"left\" or \"right\"");
      }
      return s;
    }

    /** {@code model_max_length}: huge placeholders such as 1e30 become {@link Long#MAX_VALUE}. */
    private static long maxLength(JsonValue v) {
      if (!v.isNumber() || Double.isNaN(v.asDouble()) || v.asDouble() < 0) {
        throw v.mismatch("a non-negative number");
      }
      if (v.isIntegralNumber()) {
        return v.node() instanceof Long ? (Long) v.node() : Long.MAX_VALUE;
      }
      // A double cast saturates at Long.MAX_VALUE, so 1e30 cannot overflow.
      return (long) v.asDouble();
    }
  }
}
