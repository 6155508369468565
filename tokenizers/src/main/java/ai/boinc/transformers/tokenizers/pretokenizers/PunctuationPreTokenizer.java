package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.text.UnicodeTables;
import java.util.Objects;

/**
 * JSON type {@code Punctuation}: cuts every piece at each punctuation character, which {@code
 * behavior} (default {@link SplitDelimiterBehavior#ISOLATED}) keeps apart, drops or merges.
 * Punctuation is what the reference calls so: the ASCII punctuation characters (including {@code
 * $+<=>^`|~}) and Unicode's categories Pc Pd Ps Pe Pi Pf Po as of the reference's
 * unicode_categories tables (see {@link UnicodeTables#isPunctuation}). Immutable and thread-safe.
 *
 * <pre>{@code
 * new PunctuationPreTokenizer(SplitDelimiterBehavior.ISOLATED)  // "Hey!?" -> "Hey", "!", "?"
 * }</pre>
 */
public final class PunctuationPreTokenizer implements PreTokenizer {
  private final SplitDelimiterBehavior behavior;

  public PunctuationPreTokenizer(SplitDelimiterBehavior behavior) {
    this.behavior = Objects.requireNonNull(behavior, "behavior");
  }

  public SplitDelimiterBehavior behavior() {
    return behavior;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(
        piece ->
            behavior.split(
                piece,
                CodePointMatches.of(piece.normalized(), UnicodeTables::isPunctuation),
                false));
  }

  @Override
  public String toString() {
    return "Punctuation(" + behavior.jsonName() + ")";
  }
}
