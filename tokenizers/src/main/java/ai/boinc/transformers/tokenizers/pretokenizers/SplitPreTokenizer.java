package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.regex.OnigRegex;
import java.util.Objects;

/**
 * JSON type {@code Split}: cuts every piece at the matches of a literal string ({@code {"String":
 * ...}}) or an Oniguruma regular expression ({@code {"Regex": ...}}), keeping or dropping the
 * matches as {@code behavior} says; with {@code invert} the matches are the pieces to keep and
 * the text between them the delimiters. Immutable and thread-safe.
 *
 * <pre>{@code
 * // GPT-2 style word pieces, as Llama 3 does it
 * PreTokenizer p = SplitPreTokenizer.ofRegex("\\p{L}+|\\p{N}{1,3}|\\s+", SplitDelimiterBehavior.ISOLATED, false);
 * }</pre>
 */
public final class SplitPreTokenizer implements PreTokenizer {
  private final OnigRegex pattern;
  private final SplitDelimiterBehavior behavior;
  private final boolean invert;
  private final boolean regex;

  private SplitPreTokenizer(
      OnigRegex pattern, SplitDelimiterBehavior behavior, boolean invert, boolean regex) {
    this.pattern = pattern;
    this.regex = regex;
    this.behavior = Objects.requireNonNull(behavior, "behavior");
    this.invert = invert;
  }

  /** Splits on each occurrence of {@code literal}; an empty literal matches nothing. */
  public static SplitPreTokenizer ofString(
      String literal, SplitDelimiterBehavior behavior, boolean invert) {
    return new SplitPreTokenizer(
        OnigRegex.literal(Objects.requireNonNull(literal, "literal")), behavior, invert, false);
  }

  /**
   * Splits on the matches of an Oniguruma regular expression.
   *
   * @throws IllegalArgumentException if the expression is invalid or cannot be reproduced
   */
  public static SplitPreTokenizer ofRegex(
      String regex, SplitDelimiterBehavior behavior, boolean invert) {
    return new SplitPreTokenizer(
        OnigRegex.compile(Objects.requireNonNull(regex, "regex")), behavior, invert, true);
  }

  /** The pattern as given: the literal string, or the Oniguruma source of the regex. */
  public String pattern() {
    return pattern.source();
  }

  /** Whether {@link #pattern} is a regular expression rather than a literal string. */
  public boolean isRegex() {
    return regex;
  }

  public SplitDelimiterBehavior behavior() {
    return behavior;
  }

  public boolean invert() {
    return invert;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(
        piece -> behavior.split(piece, pattern.findAll(piece.normalized()), invert));
  }

  @Override
  public String toString() {
    return "Split(" + pattern + ", " + behavior.jsonName() + (invert ? ", invert" : "") + ")";
  }
}
