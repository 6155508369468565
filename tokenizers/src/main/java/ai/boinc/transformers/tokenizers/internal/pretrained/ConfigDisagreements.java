package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import java.util.Optional;

/**
 * Flags of {@code tokenizer_config.json} that Python's fast tokenizers act on by rebuilding a
 * {@code tokenizer.json} component ({@code add_prefix_space} of GPT-2/RoBERTa, {@code
 * do_lower_case} and {@code tokenize_chinese_chars} of BERT) and Transformers.js ignores. This
 * layer follows Transformers.js; when a flag disagrees with {@code tokenizer.json}, it says so at
 * DEBUG, since Python would then tokenize differently.
 */
final class ConfigDisagreements {
  private static final System.Logger LOG = System.getLogger(ConfigDisagreements.class.getName());

  private ConfigDisagreements() {}

  static void log(String model, TokenizerConfig config, Object tokenizerJson) {
    if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
      return;
    }
    JsonValue root = JsonValue.root(tokenizerJson);
    JsonValue byteLevel = byType(root.get("pre_tokenizer"), "pretokenizers", "ByteLevel");
    compare(model, "add_prefix_space", config.addPrefixSpace(), byteLevel, "add_prefix_space", "ByteLevel pre-tokenizer");
    JsonValue bert = byType(root.get("normalizer"), "normalizers", "BertNormalizer");
    compare(model, "do_lower_case", config.doLowerCase(), bert, "lowercase", "BertNormalizer");
    compare(model, "tokenize_chinese_chars", config.tokenizeChineseChars(), bert, "handle_chinese_chars", "BertNormalizer");
  }

  private static void compare(
      String model, String flag, Optional<Boolean> configured, JsonValue component, String field, String what) {
    if (configured.isEmpty() || component == null || !(component.get(field).node() instanceof Boolean)) {
      return;
    }
    boolean inJson = (Boolean) component.get(field).node();
    if (inJson != configured.get()) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "{0}: tokenizer_config.json has {1}={2} but tokenizer.json''s {3} has {4}={5}; following"
              + " tokenizer.json as Transformers.js does (Python transformers would rebuild the {3})",
          model, flag, configured.get(), what, field, inJson);
    }
  }

  /** The component of {@code type}, itself or inside its {@code Sequence}; null if none. */
  private static JsonValue byType(JsonValue component, String sequenceField, String type) {
    if (!component.isObject()) {
      return null;
    }
    if (type.equals(component.optString("type").orElse(""))) {
      return component;
    }
    JsonValue parts = component.get(sequenceField);
    if (parts.isArray()) {
      for (JsonValue part : parts.elements()) {
        JsonValue found = byType(part, sequenceField, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
