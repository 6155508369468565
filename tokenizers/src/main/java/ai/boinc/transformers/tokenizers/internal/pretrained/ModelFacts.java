package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizers.internal.json.JsonValue;

/**
 * What Transformers.js reads from {@code tokenizer.json}'s model beyond the pipeline: the BPE
 * {@code end_of_word_suffix} (decoded as a space) and the model's {@code unk_token} (what an
 * unknown id decodes as).
 */
final class ModelFacts {
  final String endOfWordSuffix;
  final String unkToken;

  private ModelFacts(String endOfWordSuffix, String unkToken) {
    this.endOfWordSuffix = endOfWordSuffix;
    this.unkToken = unkToken;
  }

  /** @param document the parsed {@code tokenizer.json}, already validated by the loader */
  static ModelFacts read(Object document) {
    JsonValue model = JsonValue.root(document).get("model");
    return new ModelFacts(string(model.get("end_of_word_suffix")), string(model.get("unk_token")));
  }

  private static String string(JsonValue v) {
    return v.isString() ? v.asString() : null;
  }
}
