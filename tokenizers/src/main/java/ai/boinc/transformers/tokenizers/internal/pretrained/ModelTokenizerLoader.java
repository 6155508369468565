package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.templates.SpecialTokensMap;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.internal.ConfigApplier;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ModelTokenizer} from a model folder: {@code tokenizer.json} without its own
 * truncation and padding, {@code tokenizer_config.json} and {@code special_tokens_map.json}
 * applied, and the chat templates: {@code chat_template.jinja} (newer repositories keep the
 * template there) replaces the config's {@code chat_template} entirely, as in Python transformers,
 * where the file "clobbers any template in the config". The templates see the special tokens of
 * {@code tokenizer_config.json}, those of {@code special_tokens_map.json} overriding them (the
 * order of Python's {@code from_pretrained}).
 */
public final class ModelTokenizerLoader {
  static final String CHAT_TEMPLATE_FILE = "chat_template.jinja";

  private ModelTokenizerLoader() {}

  /**
   * @param name the model's name for messages (repository id or folder name)
   * @throws TokenizerLoadException if {@code tokenizer.json} is missing or a file is bad
   */
  public static ModelTokenizer load(Path dir, String name) {
    Path json = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(json)) {
      throw new TokenizerLoadException("no tokenizer.json in " + dir);
    }
    Object document = TokenizerJsonLoader.parse(json);
    PipelineTokenizer tokenizer =
        TokenizerJsonLoader.load(document, json)
            .withTruncationAndPadding(Optional.empty(), Optional.empty());
    Path configFile = dir.resolve("tokenizer_config.json");
    Path mapFile = dir.resolve("special_tokens_map.json");
    Object config = Files.isRegularFile(configFile) ? TokenizerJsonLoader.parse(configFile) : null;
    Object map = Files.isRegularFile(mapFile) ? TokenizerJsonLoader.parse(mapFile) : null;
    if (config != null || map != null) {
      tokenizer = ConfigApplier.apply(tokenizer, config, configFile.toString(), map, mapFile.toString());
    }
    TokenizerConfig parsed = tokenizer.config().orElseGet(() -> TokenizerConfig.newBuilder().build());
    Map<String, String> templates = new LinkedHashMap<>(parsed.chatTemplates());
    Path templateFile = dir.resolve(CHAT_TEMPLATE_FILE);
    if (Files.isRegularFile(templateFile)) {
      templates.clear();
      templates.put("default", read(templateFile));
    }
    ConfigDisagreements.log(name, parsed, document);
    return PretrainedModelTokenizer.create(
        name,
        tokenizer,
        parsed,
        TokenizerClasses.forName(parsed.tokenizerClass(), name),
        ModelFacts.read(document),
        new ChatTemplating(name, templates, templateSpecialTokens(config, map)),
        SpecialTokens.of(tokenizer, parsed));
  }

  /** The special tokens a chat template sees; files already checked to be JSON objects. */
  @SuppressWarnings("unchecked")
  private static SpecialTokensMap templateSpecialTokens(Object config, Object specialTokensMap) {
    Map<String, Object> merged = new LinkedHashMap<>();
    if (config instanceof Map) {
      merged.putAll((Map<String, Object>) config);
    }
    if (specialTokensMap instanceof Map) {
      merged.putAll((Map<String, Object>) specialTokensMap);
    }
    return SpecialTokensMap.fromTokenizerConfig(merged);
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TokenizerLoadException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
