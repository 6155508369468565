package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one closed table from a component's JSON {@code "type"} to the factory that builds it, per
 * pipeline stage. Adding a component means adding one line here; nothing is discovered from the
 * classpath and no class names are read from JSON. Immutable and thread-safe.
 */
public final class ComponentRegistry {
  /** Builds one component from its JSON object; may call back into the registry for children. */
  @FunctionalInterface
  public interface Factory<T> {
    T create(JsonValue json, ComponentRegistry registry);
  }

  private static final ComponentRegistry STANDARD = new ComponentRegistry();

  private final Stage<Normalizer> normalizers =
      new Stage<Normalizer>(
              "normalizer",
              List.of(
                  "BertNormalizer", "ByteLevel", "Lowercase", "NFC", "NFD", "NFKC", "NFKD", "Nmt",
                  "Precompiled", "Prepend", "Replace", "Sequence", "Strip", "StripAccents"))
          .add("ByteLevel", call(0))
          .add("Lowercase", call(1))
          .add("NFC", call(2))
          .add("NFD", call(3))
          .add("NFKC", call(4))
          .add("NFKD", call(5))
          .add("Strip", call(6))
          .add("StripAccents", call(7))
          .add("BertNormalizer", call(8))
          .add("Nmt", call(9))
          .add("Precompiled", call(10))
          .add("Prepend", call(11))
          .add("Replace", call(12))
          .add("Sequence", call(13));

  private final Stage<PreTokenizer> preTokenizers =
      new Stage<PreTokenizer>(
          "pre_tokenizer",
          List.of(
              "BertPreTokenizer", "ByteLevel", "CharDelimiterSplit", "Digits", "FixedLength",
              "Metaspace", "Punctuation", "Sequence", "Split", "UnicodeScripts", "Whitespace",
              "WhitespaceSplit"))
          .add("BertPreTokenizer", call(14))
          .add("ByteLevel", call(15))
          .add("CharDelimiterSplit", call(16))
          .add("Digits", call(17))
          .add("Punctuation", call(18))
          .add("UnicodeScripts", call(19))
          .add("Whitespace", call(20))
          .add("Metaspace", call(21))
          .add("Sequence", call(22))
          .add("Split", call(23))
          .add("WhitespaceSplit", call(24));

  private final Stage<Model> models =
      new Stage<Model>("model", List.of("BPE", "Unigram", "WordLevel", "WordPiece"))
          .add("BPE", call(25))
          .add("Unigram", call(26))
          .add("WordLevel", call(27))
          .add("WordPiece", call(28));

  private final Stage<PostProcessor> postProcessors =
      new Stage<PostProcessor>(
              "post_processor",
              List.of(
                  "BertProcessing", "ByteLevel", "RobertaProcessing", "Sequence",
                  "TemplateProcessing"))
          .add("BertProcessing", call(29))
          .add("ByteLevel", call(30))
          .add("RobertaProcessing", call(31))
          .add("Sequence", call(32))
          .add("TemplateProcessing", call(33));

  private final Stage<Decoder> decoders =
      new Stage<Decoder>(
              "decoder",
              List.of(
                  "BPEDecoder", "ByteFallback", "ByteLevel", "CTC", "Fuse", "Metaspace", "Replace",
                  "Sequence", "Strip", "WordPiece"))
          .add("BPEDecoder", call(34))
          .add("ByteFallback", call(35))
          .add("ByteLevel", call(36))
          .add("CTC", call(37))
          .add("Metaspace", call(38))
          .add("Fuse", call(39))
          .add("Replace", call(40))
          .add("Sequence", call(41))
          .add("Strip", call(42))
          .add("WordPiece", call(43));

  private ComponentRegistry() {}

  public static ComponentRegistry standard() {
    return STANDARD;
  }

  public Normalizer normalizer(JsonValue json) {
    return normalizers.create(json, json.get("type"), this);
  }

  public PreTokenizer preTokenizer(JsonValue json) {
    return preTokenizers.create(json, json.get("type"), this);
  }

  public PostProcessor postProcessor(JsonValue json) {
    return postProcessors.create(json, json.get("type"), this);
  }

  public Decoder decoder(JsonValue json) {
    return decoders.create(json, json.get("type"), this);
  }

  /**
   * Builds the model. Older files have no {@code "type"} in the model; like the reference, the
   * type is then inferred from the fields.
   */
  public Model model(JsonValue json) {
    JsonValue type = json.get("type");
    if (json.isObject() && type.isAbsent()) {
      return models.createAs(json, inferModelType(json), this);
    }
    return models.create(json, type, this);
  }

  private static String inferModelType(JsonValue json) {
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

  /** Supported types of one stage, for messages and tests. */
  public Set<String> supported(String stage) {
    for (Stage<?> s : List.of(normalizers, preTokenizers, models, postProcessors, decoders)) {
      if (s.name.equals(stage)) {
        return Collections.unmodifiableSet(s.factories.keySet());
      }
    }
    throw new IllegalArgumentException("no stage " + stage);
  }

  /**
   * The factories as one class with a switch, not a method reference each: every method reference
   * costs a lambda class spun at run time, about a millisecond each in a fresh JVM.
   */
  @SuppressWarnings("unchecked")
  private static <T> Factory<T> call(int code) {
    return (Factory<T>) new Call(code);
  }

  private static final class Call implements Factory<Object> {
    private final int code;

    Call(int code) {
      this.code = code;
    }

    @Override
    public Object create(JsonValue json, ComponentRegistry registry) {
      switch (code) {
        case 0:
          return ByteLevelFamilyFactories.byteLevelNormalizer(json, registry);
        case 1:
          return ByteLevelFamilyFactories.lowercase(json, registry);
        case 2:
          return ByteLevelFamilyFactories.nfc(json, registry);
        case 3:
          return ByteLevelFamilyFactories.nfd(json, registry);
        case 4:
          return ByteLevelFamilyFactories.nfkc(json, registry);
        case 5:
          return ByteLevelFamilyFactories.nfkd(json, registry);
        case 6:
          return ByteLevelFamilyFactories.strip(json, registry);
        case 7:
          return ByteLevelFamilyFactories.stripAccents(json, registry);
        case 8:
          return SubwordFactories.bertNormalizer(json, registry);
        case 9:
          return SubwordFactories.nmt(json, registry);
        case 10:
          return SubwordFactories.precompiled(json, registry);
        case 11:
          return Factories.prependNormalizer(json, registry);
        case 12:
          return Factories.replaceNormalizer(json, registry);
        case 13:
          return Factories.sequenceNormalizer(json, registry);
        case 14:
          return SubwordFactories.bertPreTokenizer(json, registry);
        case 15:
          return ByteLevelFamilyFactories.byteLevelPreTokenizer(json, registry);
        case 16:
          return PreTokenizerFactories.charDelimiterSplit(json, registry);
        case 17:
          return PreTokenizerFactories.digits(json, registry);
        case 18:
          return PreTokenizerFactories.punctuation(json, registry);
        case 19:
          return PreTokenizerFactories.unicodeScripts(json, registry);
        case 20:
          return PreTokenizerFactories.whitespace(json, registry);
        case 21:
          return SubwordFactories.metaspace(json, registry);
        case 22:
          return ByteLevelFamilyFactories.sequencePreTokenizer(json, registry);
        case 23:
          return ByteLevelFamilyFactories.split(json, registry);
        case 24:
          return SubwordFactories.whitespaceSplit(json, registry);
        case 25:
          return Factories.bpe(json, registry);
        case 26:
          return SubwordFactories.unigram(json, registry);
        case 27:
          return SubwordFactories.wordLevel(json, registry);
        case 28:
          return SubwordFactories.wordPiece(json, registry);
        case 29:
          return ByteLevelFamilyFactories.bert(json, registry);
        case 30:
          return ByteLevelFamilyFactories.byteLevelProcessor(json, registry);
        case 31:
          return ByteLevelFamilyFactories.roberta(json, registry);
        case 32:
          return ByteLevelFamilyFactories.sequenceProcessor(json, registry);
        case 33:
          return Factories.templateProcessing(json, registry);
        case 34:
          return ByteLevelFamilyFactories.bpeDecoder(json, registry);
        case 35:
          return Factories.byteFallbackDecoder(json, registry);
        case 36:
          return ByteLevelFamilyFactories.byteLevelDecoder(json, registry);
        case 37:
          return ByteLevelFamilyFactories.ctcDecoder(json, registry);
        case 38:
          return SubwordFactories.metaspaceDecoder(json, registry);
        case 39:
          return Factories.fuseDecoder(json, registry);
        case 40:
          return Factories.replaceDecoder(json, registry);
        case 41:
          return Factories.sequenceDecoder(json, registry);
        case 42:
          return Factories.stripDecoder(json, registry);
        case 43:
          return SubwordFactories.wordPieceDecoder(json, registry);
        default:
          throw new AssertionError(code);
      }
    }
  }

  private static final class Stage<T> {
    private final String name;
    private final Set<String> reference;
    private final Map<String, Factory<? extends T>> factories = new TreeMap<>();

    Stage(String name, List<String> referenceTypes) {
      this.name = name;
      this.reference = new LinkedHashSet<>(referenceTypes);
    }

    Stage<T> add(String type, Factory<? extends T> factory) {
      factories.put(type, factory);
      return this;
    }

    T create(JsonValue json, JsonValue type, ComponentRegistry registry) {
      if (!json.isObject()) {
        throw json.mismatch("a " + name + " object with a \"type\"");
      }
      if (type.isAbsent()) {
        throw new TokenizerLoadException(
            "missing \"type\" of " + name + " at " + json.path() + "; supported: "
                + supportedList(),
            json.path(),
            null);
      }
      if (!type.isString()) {
        throw type.mismatch("a string naming the " + name + " type");
      }
      return createAs(json, type.asString(), registry);
    }

    T createAs(JsonValue json, String type, ComponentRegistry registry) {
      Factory<? extends T> f = factories.get(type);
      if (f == null) {
        String problem =
            reference.contains(type)
                ? name + " type '" + type + "' at " + json.path()
                    + " is not supported yet by transformers-java"
                : "unknown " + name + " type '" + type + "' at " + json.path();
        throw new TokenizerLoadException(
            problem + "; supported: " + supportedList(), json.path(), null);
      }
      try {
        return f.create(json, registry);
      } catch (TokenizerLoadException e) {
        throw e;
      } catch (RuntimeException e) {
        // A component rejected its arguments (or failed unexpectedly): still a load error with
        // the component's path, never a bare runtime exception out of the loader.
        throw new TokenizerLoadException(
            "invalid " + name + " '" + type + "' at " + json.path() + ": " + e, json.path(), e);
      }
    }

    private String supportedList() {
      return factories.isEmpty() ? "none yet" : String.join(", ", factories.keySet());
    }
  }
}
