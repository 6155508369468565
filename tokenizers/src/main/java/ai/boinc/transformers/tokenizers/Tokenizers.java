package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizers.internal.ComponentRegistry;
import ai.boinc.transformers.tokenizers.internal.ConfigApplier;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads tokenizers from Hugging Face {@code tokenizer.json} files.
 *
 * <pre>{@code
 * PretrainedTokenizer tokenizer = Tokenizers.fromDirectory(Path.of("models/llama-2"));
 * Encoding e = tokenizer.encode("Hello world!");   // ids [1, 15043, 3186, 29991]
 * }</pre>
 *
 * <p>Loading reads and checks the whole file; a malformed or unsupported file fails with a
 * {@link TokenizerLoadException} naming the JSON path of the problem. The tokenizers returned are
 * immutable and thread-safe. This class is thread-safe.
 */
public final class Tokenizers {
  private Tokenizers() {}

  /**
   * Loads a {@code tokenizer.json}.
   *
   * @throws TokenizerLoadException if the file is missing, unreadable, not valid JSON, or
   *     describes something malformed or not supported
   */
  public static PretrainedTokenizer fromFile(Path tokenizerJson) {
    Objects.requireNonNull(tokenizerJson, "tokenizerJson");
    return load(tokenizerJson);
  }

  private static PipelineTokenizer load(Path tokenizerJson) {
    return TokenizerJsonLoader.load(
        TokenizerJsonLoader.parse(tokenizerJson), ComponentRegistry.standard());
  }

  /**
   * Loads {@code dir/tokenizer.json} and applies {@code dir/tokenizer_config.json} and {@code
   * dir/special_tokens_map.json} when they exist, as Transformers' {@code
   * AutoTokenizer.from_pretrained} does with a fast tokenizer: the special tokens they name and
   * their {@code added_tokens_decoder} are added to the vocabulary, {@code add_bos_token}/{@code
   * add_eos_token} rebuild the post-processor of Llama-style tokenizers (so {@code
   * "add_eos_token": true} makes encode end with {@code </s>}), and {@code
   * clean_up_tokenization_spaces} becomes the decode default. The parsed config is {@link
   * PretrainedTokenizer#config()}; {@code model_max_length}, {@code padding_side} and {@code
   * truncation_side} are recorded there. The exact rules are those of Transformers 4.x, described
   * in the package's implementation notes. {@link #fromFile} and {@link #fromJson} read {@code
   * tokenizer.json} alone, as the reference library does.
   *
   * @throws TokenizerLoadException if {@code tokenizer.json} is missing or any of the files is bad
   */
  public static PretrainedTokenizer fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Path json = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(json)) {
      throw new TokenizerLoadException("no tokenizer.json in " + dir);
    }
    PipelineTokenizer tokenizer = load(json);
    Path configFile = dir.resolve("tokenizer_config.json");
    Path mapFile = dir.resolve("special_tokens_map.json");
    Object config = Files.isRegularFile(configFile) ? TokenizerJsonLoader.parse(configFile) : null;
    Object map = Files.isRegularFile(mapFile) ? TokenizerJsonLoader.parse(mapFile) : null;
    if (config == null && map == null) {
      return tokenizer;
    }
    return ConfigApplier.apply(tokenizer, config, configFile.toString(), map, mapFile.toString());
  }

  /**
   * Loads a tokenizer from the text of a {@code tokenizer.json}.
   *
   * @throws TokenizerLoadException if the text is not valid JSON or describes something
   *     malformed or not supported
   */
  public static PretrainedTokenizer fromJson(String json) {
    Objects.requireNonNull(json, "json");
    return TokenizerJsonLoader.load(
        TokenizerJsonLoader.parse(json.getBytes(StandardCharsets.UTF_8), "tokenizer JSON"),
        ComponentRegistry.standard());
  }
}
