package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.TokenizerJsonLoader;
import ai.boinc.transformers.tokenizers.internal.pretrained.ModelTokenizerLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads tokenizers from Hugging Face {@code tokenizer.json} files, in two layers: the raw
 * tokenizer ({@link #fromFile}, {@link #fromJson}: {@code tokenizer.json} alone, exactly the Rust
 * library's behaviour, its own truncation and padding included) and the model's tokenizer
 * ({@link #fromDirectory}: the folder's config applied, behaving as Transformers.js's {@code
 * AutoTokenizer}, see {@link ModelTokenizer}).
 *
 * <pre>{@code
 * ModelTokenizer tokenizer = Tokenizers.fromDirectory(Path.of("models/llama-2"));
 * Encoding e = tokenizer.encode("Hello world!");   // ids [1, 15043, 3186, 29991]
 * }</pre>
 *
 * <p>Loading reads and checks the whole file; a malformed or unsupported file fails with a
 * {@link TokenizerLoadException} naming the JSON path of the problem. The tokenizers returned are
 * immutable and thread-safe. This class is thread-safe.
 */
public final class Tokenizers {
  /**
   * The files of a model's tokenizer, as {@link #fromDirectory} reads them: {@code tokenizer.json}
   * (first, required), then {@code tokenizer_config.json}, {@code special_tokens_map.json} and
   * {@code chat_template.jinja} when they exist. What a program copies or downloads to rebuild the
   * same tokenizer elsewhere.
   */
  public static final List<String> MODEL_FILES =
      List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja");

  private Tokenizers() {}

  /**
   * Loads a {@code tokenizer.json}.
   *
   * @throws TokenizerLoadException if the file is missing, unreadable, not valid JSON, or
   *     describes something malformed or not supported
   */
  public static PretrainedTokenizer fromFile(Path tokenizerJson) {
    Objects.requireNonNull(tokenizerJson, "tokenizerJson");
    return TokenizerJsonLoader.loadFile(tokenizerJson);
  }

  /**
   * Loads the model tokenizer of folder {@code dir}, as Transformers.js's {@code
   * AutoTokenizer.from_pretrained} does from a local folder: {@code tokenizer.json}, with {@code
   * tokenizer_config.json} and {@code special_tokens_map.json} applied when they exist (their
   * special tokens and {@code added_tokens_decoder} are added to the vocabulary, {@code
   * add_bos_token}/{@code add_eos_token} rebuild the post-processor of Llama-style tokenizers),
   * and the behaviour of the config's {@code tokenizer_class}. {@code tokenizer.json}'s own
   * truncation and padding are not applied: see {@link ModelTokenizer}. {@link #fromFile} and
   * {@link #fromJson} give the raw layer instead: {@code tokenizer.json} alone, as the Rust
   * library reads it.
   *
   * @throws TokenizerLoadException if {@code tokenizer.json} is missing or any of the files is bad
   */
  public static ModelTokenizer fromDirectory(Path dir) {
    Objects.requireNonNull(dir, "dir");
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return ModelTokenizerLoader.load(dir, name == null ? dir.toString() : name.toString());
  }

  /**
   * {@link #fromDirectory(Path)} naming the model {@code name} in messages (e.g. a repository id).
   */
  public static ModelTokenizer fromDirectory(Path dir, String name) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(name, "name");
    return ModelTokenizerLoader.load(dir, name);
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
        TokenizerJsonLoader.parse(json.getBytes(StandardCharsets.UTF_8), "tokenizer JSON"));
  }
}
