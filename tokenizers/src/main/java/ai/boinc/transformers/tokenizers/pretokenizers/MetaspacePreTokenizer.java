package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.CharSplits;
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
    text.splitEach(
        piece -> {
          piece.replace(SPACE, replacementString);
          boolean prepend;
          switch (prependScheme) {
            case ALWAYS:
              prepend = !piece.normalized().startsWith(replacementString);
              break;
            case FIRST:
              prepend =
                  !piece.normalized().startsWith(replacementString) && piece.originalStart() == 0;
              break;
            default:
              prepend = false;
              break;
          }
          if (prepend) {
            piece.prepend(replacementString);
          }
          return split ? CharSplits.mergedWithNext(piece, c -> c == replacement) : List.of(piece);
        });
  }

  @Override
  public String toString() {
    return "Metaspace{replacement=" + replacementString + ", prependScheme=" + prependScheme
        + ", split=" + split + "}";
  }
}
