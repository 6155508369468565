package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.TransformersException;

/**
 * A regular expression of the tokenizer (from a {@code Replace} or {@code Split} component of its
 * {@code tokenizer.json}) needed too many steps on one input: the pattern backtracks
 * catastrophically there, or recurses too deeply for Java's regex engine. Encoding that input
 * fails with this exception instead of hanging; other inputs are not affected.
 *
 * <p>The step budget grows with the length of the text being matched (see the implementation
 * notes of {@code Tokenizers}); the patterns of real tokenizers stay far below it. Retrying does
 * not help.
 */
public class RegexLimitExceededException extends TransformersException {
  private static final long serialVersionUID = 1L;

  private final String pattern;

  public RegexLimitExceededException(String message, String pattern, Throwable cause) {
    super(message, cause);
    this.pattern = pattern;
  }

  /** The regular expression, as written in {@code tokenizer.json}. */
  public String pattern() {
    return pattern;
  }
}
