package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import java.util.List;

/**
 * The five stage factories ({@link NormalizerFactory}, {@link PreTokenizerFactory}, {@link
 * ModelFactory}, {@link PostProcessorFactory}, {@link DecoderFactory}) as the one object the
 * loader's callers pass in. Holds no table of its own: each factory lists its types once, in its
 * {@code switch}. Immutable and thread-safe.
 */
public final class ComponentRegistry {
  private static final ComponentRegistry STANDARD = new ComponentRegistry();

  private ComponentRegistry() {}

  public static ComponentRegistry standard() {
    return STANDARD;
  }

  public Normalizer normalizer(JsonValue json) {
    return NormalizerFactory.INSTANCE.create(json);
  }

  public PreTokenizer preTokenizer(JsonValue json) {
    return PreTokenizerFactory.INSTANCE.create(json);
  }

  public Model model(JsonValue json) {
    return ModelFactory.INSTANCE.create(json);
  }

  public PostProcessor postProcessor(JsonValue json) {
    return PostProcessorFactory.INSTANCE.create(json);
  }

  public Decoder decoder(JsonValue json) {
    return DecoderFactory.INSTANCE.create(json);
  }

  /** Supported types of one stage ({@code "normalizer"}, {@code "model"}, ...), for messages and tests. */
  public List<String> supported(String stage) {
    switch (stage) {
      case "normalizer":
        return NormalizerFactory.INSTANCE.types();
      case "pre_tokenizer":
        return PreTokenizerFactory.INSTANCE.types();
      case "model":
        return ModelFactory.INSTANCE.types();
      case "post_processor":
        return PostProcessorFactory.INSTANCE.types();
      case "decoder":
        return DecoderFactory.INSTANCE.types();
      default:
        throw new IllegalArgumentException("no stage " + stage);
    }
  }
}
