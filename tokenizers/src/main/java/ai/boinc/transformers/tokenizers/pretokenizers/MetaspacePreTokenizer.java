package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.regex.CharSplits;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * JSON type {@code Metaspace}: SentencePiece's word marking. In every piece, spaces become the
 * {@code replacement} character ({@code ▁}); the replacement is put in front of the piece
 * ({@link PrependScheme}) unless it already starts with one; then, with {@code split}, the piece
 * is cut before every replacement character. {@code "Hey you"} gives {@code ▁Hey ▁you}.
 *
 * <p>Older files say {@code "add_prefix_space": true/false} instead of {@code prepend_scheme};
 * the loader maps them as the reference does. Immutable and thread-safe.
 */
public final class MetaspacePreTokenizer implements PreTokenizer {
  private static final Pattern SPACE = Pattern.compile(" ", Pattern.LITERAL);

  /** When the replacement character is put in front of a piece. */
  public enum PrependScheme {
    /** In front of every piece. */
    ALWAYS,
    /** Only in front of a piece that starts the original text (not after an added token). */
    FIRST,
    /** Never. */
    NEVER
  }

  private final int replacement;
  private final String replacementString;
  private final PrependScheme prependScheme;
  private final boolean split;

  /**
   * @param replacement the code point that stands for a space
   */
  public MetaspacePreTokenizer(int replacement, PrependScheme prependScheme, boolean split) {
    if (!Character.isValidCodePoint(replacement)) {
      throw new IllegalArgumentException("not a code point: " + replacement);
    }
    this.replacement = replacement;
    this.replacementString = new String(Character.toChars(replacement));
    this.prependScheme = Objects.requireNonNull(prependScheme, "prependScheme");
    this.split = split;
  }

  public int replacement() {
    return replacement;
  }

  public PrependScheme prependScheme() {
    return prependScheme;
  }

  public boolean split() {
    return split;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(piece -> pieces(piece, true));
  }

  /**
   * The pieces one piece becomes. With {@code fast}, a one-unit replacement is written in place
   * instead of by regular expression, and a piece with no replacement character after its start
   * is kept instead of sliced whole (when the slice would be the same string); without, the
   * general path, which the property tests compare it with.
   */
  List<NormalizedString> pieces(NormalizedString piece, boolean fast) {
    String normalized = piece.normalized();
    if (!fast) {
      piece.replace(SPACE, replacementString);
    } else if (normalized.indexOf(' ') >= 0) {
      if (replacementString.length() == 1) {
        // One unit for one: each replacement keeps the span of its space, as replace() gives.
        piece.rewriteUnits(
            normalized.replace(' ', replacementString.charAt(0)).toCharArray(),
            normalized.length(),
            null);
      } else {
        piece.replace(SPACE, replacementString);
      }
    }
    boolean prepend;
    switch (prependScheme) {
      case ALWAYS:
        prepend = !piece.normalized().startsWith(replacementString);
        break;
      case FIRST:
        prepend = !piece.normalized().startsWith(replacementString) && piece.originalStart() == 0;
        break;
      default:
        prepend = false;
        break;
    }
    if (prepend) {
      piece.prepend(replacementString);
    }
    if (!split) {
      return List.of(piece);
    }
    if (fast && isWhole(piece)) {
      return List.of(piece);
    }
    return CharSplits.mergedWithNext(piece, c -> c == replacement);
  }

  /**
   * Whether splitting would give one piece that is {@code piece} itself: no replacement
   * character after the first character, and the slice of all of it would cover all of its
   * original text.
   */
  private boolean isWhole(NormalizedString piece) {
    String s = piece.normalized();
    int n = s.length();
    if (n == 0 || s.indexOf(replacementString, Character.charCount(s.codePointAt(0))) >= 0) {
      return false;
    }
    return piece.toOriginalStart(0, n) == piece.originalStart()
        && piece.toOriginalEnd(0, n) >= piece.originalEnd();
  }

  @Override
  public String toString() {
    return "Metaspace{replacement=" + replacementString + ", prependScheme=" + prependScheme
        + ", split=" + split + "}";
  }
}
