package ai.boinc.transformers.tokenizers.internal;

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
          .add("ByteLevel", ByteLevelFamilyFactories::byteLevelNormalizer)
          .add("Lowercase", ByteLevelFamilyFactories::lowercase)
          .add("NFC", ByteLevelFamilyFactories::nfc)
          .add("NFD", ByteLevelFamilyFactories::nfd)
          .add("NFKC", ByteLevelFamilyFactories::nfkc)
          .add("NFKD", ByteLevelFamilyFactories::nfkd)
          .add("Strip", ByteLevelFamilyFactories::strip)
          .add("StripAccents", ByteLevelFamilyFactories::stripAccents)
          .add("BertNormalizer", SubwordFactories::bertNormalizer)
          .add("Nmt", SubwordFactories::nmt)
          .add("Precompiled", SubwordFactories::precompiled)
          .add("Prepend", Factories::prependNormalizer)
          .add("Replace", Factories::replaceNormalizer)
          .add("Sequence", Factories::sequenceNormalizer);

  private final Stage<PreTokenizer> preTokenizers =
      new Stage<PreTokenizer>(
          "pre_tokenizer",
          List.of(
              "BertPreTokenizer", "ByteLevel", "CharDelimiterSplit", "Digits", "FixedLength",
              "Metaspace", "Punctuation", "Sequence", "Split", "UnicodeScripts", "Whitespace",
              "WhitespaceSplit"))
          .add("BertPreTokenizer", SubwordFactories::bertPreTokenizer)
          .add("ByteLevel", ByteLevelFamilyFactories::byteLevelPreTokenizer)
          .add("CharDelimiterSplit", PreTokenizerFactories::charDelimiterSplit)
          .add("Digits", PreTokenizerFactories::digits)
          .add("Punctuation", PreTokenizerFactories::punctuation)
          .add("UnicodeScripts", PreTokenizerFactories::unicodeScripts)
          .add("Whitespace", PreTokenizerFactories::whitespace)
          .add("Metaspace", SubwordFactories::metaspace)
          .add("Sequence", ByteLevelFamilyFactories::sequencePreTokenizer)
          .add("Split", ByteLevelFamilyFactories::split)
          .add("WhitespaceSplit", SubwordFactories::whitespaceSplit);

  private final Stage<Model> models =
      new Stage<Model>("model", List.of("BPE", "Unigram", "WordLevel", "WordPiece"))
          .add("BPE", Factories::bpe)
          .add("Unigram", SubwordFactories::unigram)
          .add("WordLevel", SubwordFactories::wordLevel)
          .add("WordPiece", SubwordFactories::wordPiece);

  private final Stage<PostProcessor> postProcessors =
      new Stage<PostProcessor>(
              "post_processor",
              List.of(
                  "BertProcessing", "ByteLevel", "RobertaProcessing", "Sequence",
                  "TemplateProcessing"))
          .add("BertProcessing", ByteLevelFamilyFactories::bert)
          .add("ByteLevel", ByteLevelFamilyFactories::byteLevelProcessor)
          .add("RobertaProcessing", ByteLevelFamilyFactories::roberta)
          .add("Sequence", ByteLevelFamilyFactories::sequenceProcessor)
          .add("TemplateProcessing", Factories::templateProcessing);

  private final Stage<Decoder> decoders =
      new Stage<Decoder>(
              "decoder",
              List.of(
                  "BPEDecoder", "ByteFallback", "ByteLevel", "CTC", "Fuse", "Metaspace", "Replace",
                  "Sequence", "Strip", "WordPiece"))
          .add("BPEDecoder", ByteLevelFamilyFactories::bpeDecoder)
          .add("ByteFallback", Factories::byteFallbackDecoder)
          .add("ByteLevel", ByteLevelFamilyFactories::byteLevelDecoder)
          .add("CTC", ByteLevelFamilyFactories::ctcDecoder)
          .add("Metaspace", SubwordFactories::metaspaceDecoder)
          .add("Fuse", Factories::fuseDecoder)
          .add("Replace", Factories::replaceDecoder)
          .add("Sequence", Factories::sequenceDecoder)
          .add("Strip", Factories::stripDecoder)
          .add("WordPiece", SubwordFactories::wordPieceDecoder);

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
