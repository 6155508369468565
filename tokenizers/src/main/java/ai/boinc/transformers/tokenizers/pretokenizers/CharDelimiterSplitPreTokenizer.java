package ai.boinc.transformers.tokenizers.pretokenizers;

/**
 * JSON type {@code CharDelimiterSplit}: cuts every piece at each occurrence of one character (any
 * code point, also outside the BMP), dropping the delimiter. Immutable and thread-safe.
 *
 * <pre>{@code
 * new CharDelimiterSplitPreTokenizer('_')  // "a_b__c" -> "a", "b", "c"
 * }</pre>
 */
public final class CharDelimiterSplitPreTokenizer implements PreTokenizer {
  private final int delimiter;

  /**
   * @param delimiter a code point
   * @throws IllegalArgumentException if {@code delimiter} is not a valid code point
   */
  public CharDelimiterSplitPreTokenizer(int delimiter) {
    if (!Character.isValidCodePoint(delimiter)) {
      throw new IllegalArgumentException("not a code point: " + delimiter);
    }
    this.delimiter = delimiter;
  }

  /** The delimiter code point. */
  public int delimiter() {
    return delimiter;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    int d = delimiter;
    text.splitEach(
        piece ->
            SplitDelimiterBehavior.REMOVED.split(
                piece, CodePointMatches.of(piece.normalized(), cp -> cp == d), false));
  }

  @Override
  public String toString() {
    return "CharDelimiterSplit(" + new String(Character.toChars(delimiter)) + ")";
  }
}
