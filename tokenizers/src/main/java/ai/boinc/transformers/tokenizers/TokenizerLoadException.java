package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.TransformersException;
import java.util.Optional;

/**
 * A {@code tokenizer.json} (or {@code tokenizer_config.json}) could not be turned into a
 * tokenizer: the file is missing or unreadable, is not valid JSON, or describes something wrong
 * or not supported. The message says what was expected, what was found and, where the problem
 * sits inside the JSON, its path (e.g. {@code $.normalizer.normalizers[2]}).
 *
 * <p>Retrying does not help unless the file changes.
 */
public class TokenizerLoadException extends TransformersException {
  private static final long serialVersionUID = 1L;

  private final String jsonPath;

  public TokenizerLoadException(String message) {
    this(message, null, null);
  }

  public TokenizerLoadException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * @param jsonPath where in the JSON the problem is, e.g. {@code $.model.merges[3]}, or null
   */
  public TokenizerLoadException(String message, String jsonPath, Throwable cause) {
    super(message, cause);
    this.jsonPath = jsonPath;
  }

  /** The JSON path of the offending value, when the problem is inside a JSON document. */
  public Optional<String> jsonPath() {
    return Optional.ofNullable(jsonPath);
  }
}
