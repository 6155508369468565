package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizers.internal.ComponentRegistry;
import ai.boinc.transformers.tokenizers.internal.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import java.io.ByteArrayInputStream;
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
   * Loads {@code dir/tokenizer.json}, with {@code dir/tokenizer_config.json} as its {@link
   * PretrainedTokenizer#config()} when that file exists.
   *
   * @throws TokenizerLoadException if {@code tokenizer.json} is missing or either file is bad
   */
  public static PretrainedTokenizer fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Path json = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(json)) {
      throw new TokenizerLoadException("no tokenizer.json in " + dir);
    }
    PipelineTokenizer tokenizer = load(json);
    Path configFile = dir.resolve("tokenizer_config.json");
    if (!Files.isRegularFile(configFile)) {
      return tokenizer;
    }
    TokenizerConfig config;
    try {
      config = TokenizerJsonLoader.config(TokenizerJsonLoader.parse(configFile));
    } catch (TokenizerLoadException e) {
      throw new TokenizerLoadException(
          "bad " + configFile + ": " + e.getMessage(), e.jsonPath().orElse(null), e);
    }
    return tokenizer.withConfig(config);
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
        TokenizerJsonLoader.parse(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "tokenizer JSON"),
        ComponentRegistry.standard());
  }
}
