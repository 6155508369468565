package ai.boinc.transformers.tokenizers.internal.pretrained;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the behaviour of a {@code tokenizer_class}, as Transformers.js's {@code AutoTokenizer}:
 * the {@code Fast} suffix is dropped, a known class gets its family's behaviour, and an unknown
 * one the generic behaviour (logged at DEBUG; Transformers.js warns).
 */
public final class TokenizerClasses {
  /** Transformers.js's name for the base class, used when the config names none. */
  public static final String BASE = "PreTrainedTokenizer";

  private static final System.Logger LOG = System.getLogger(TokenizerClasses.class.getName());

  /** Classes with {@code return_token_type_ids = true} in Transformers.js 4. */
  private static final Set<String> BERT_FAMILY =
      Set.of(
          "BertTokenizer", "AlbertTokenizer", "DebertaTokenizer", "DebertaV2Tokenizer",
          "ElectraTokenizer", "MobileBertTokenizer", "ConvBertTokenizer", "RoFormerTokenizer",
          "HerbertTokenizer", "XLMTokenizer", "SqueezeBertTokenizer");

  /** Classes Transformers.js 4 knows that behave as the base class in everything done here. */
  private static final Set<String> GENERIC =
      Set.of(
          BASE, "TokenizersBackend", "BartTokenizer",
          "BlenderbotSmallTokenizer", "BlenderbotTokenizer", "BloomTokenizer", "CamembertTokenizer",
          "CLIPTokenizer", "CodeLlamaTokenizer", "CodeGenTokenizer", "CohereTokenizer",
          "CohereAsrTokenizer", "DistilBertTokenizer", "EsmTokenizer", "FalconTokenizer",
          "GemmaTokenizer", "GPTNeoXTokenizer", "GPT2Tokenizer", "M2M100Tokenizer",
          "MarianTokenizer", "MBartTokenizer", "MBart50Tokenizer", "MgpstrTokenizer",
          "MPNetTokenizer", "NllbTokenizer", "NougatTokenizer", "Qwen2Tokenizer",
          "RobertaTokenizer", "SiglipTokenizer", "SpeechT5Tokenizer", "T5Tokenizer",
          "VitsTokenizer", "Wav2Vec2CTCTokenizer", "XLMRobertaTokenizer");

  private static final Map<String, TokenizerClass> SPECIAL =
      Map.of("LlamaTokenizer", new LlamaClass(), "WhisperTokenizer", new WhisperClass());

  private TokenizerClasses() {}

  /**
   * The behaviour of {@code tokenizerClass} (as the config spells it), or the base class's if
   * empty or unknown.
   */
  static TokenizerClass forName(Optional<String> tokenizerClass, String model) {
    if (tokenizerClass.isEmpty()) {
      return new GenericClass(BASE);
    }
    String name = tokenizerClass.get().replaceFirst("Fast$", "");
    TokenizerClass special = SPECIAL.get(name);
    if (special != null) {
      return special;
    }
    if (BERT_FAMILY.contains(name)) {
      return new BertFamilyClass(name);
    }
    if (!GENERIC.contains(name)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "unknown tokenizer_class \"{0}\" of {1}; using the generic PreTrainedTokenizer behaviour",
          tokenizerClass.get(),
          model);
      return new GenericClass(BASE);
    }
    return new GenericClass(name);
  }
}
