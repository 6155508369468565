package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.text.UnicodeTables;

/**
 * JSON type {@code Digits}: cuts numbers out of every piece, each run of numeric characters as one
 * piece or, with {@code individual_digits}, each numeric character as its own piece. "Numeric" is
 * Rust's {@code char::is_numeric}, so besides ASCII digits it takes the digits of every script,
 * fullwidth digits, superscripts, fractions, Roman numerals and circled numbers (see {@link
 * UnicodeTables#isNumeric}). Immutable and thread-safe.
 *
 * <pre>{@code
 * new DigitsPreTokenizer(false)  // "Hey 123 friend!" -> "Hey ", "123", " friend!"
 * new DigitsPreTokenizer(true)   // "Hey 123 friend!" -> "Hey ", "1", "2", "3", " friend!"
 * }</pre>
 */
public final class DigitsPreTokenizer implements PreTokenizer {
  private final boolean individualDigits;

  public DigitsPreTokenizer(boolean individualDigits) {
    this.individualDigits = individualDigits;
  }

  public boolean individualDigits() {
    return individualDigits;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    SplitDelimiterBehavior behavior =
        individualDigits ? SplitDelimiterBehavior.ISOLATED : SplitDelimiterBehavior.CONTIGUOUS;
    text.splitEach(
        piece ->
            behavior.split(
                piece, CodePointMatches.of(piece.normalized(), UnicodeTables::isNumeric), false));
  }

  @Override
  public String toString() {
    return "Digits(individual_digits=" + individualDigits + ")";
  }
}
