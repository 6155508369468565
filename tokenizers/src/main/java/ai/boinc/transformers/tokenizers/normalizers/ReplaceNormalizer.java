package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.regex.OnigRegex;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * JSON type {@code Replace}: replaces every match of a literal string ({@code {"String": ...}}) or
 * regular expression ({@code {"Regex": ...}}) with {@code content}. New characters take the
 * offsets of the last character of the match.
 *
 * <p>Regular expressions are written for Oniguruma, as in the reference, and translated by
 * {@link OnigRegex}. Immutable and thread-safe.
 */
public final class ReplaceNormalizer implements Normalizer {
  private final Pattern pattern;
  private final String content;
  /**
   * For a literal of one UTF-16 unit replaced by one unit (Llama's space to {@code ▁}): the unit
   * to find, else -1. Such a replacement is a one-for-one rewrite that keeps the alignments.
   */
  private final int fromUnit;

  private ReplaceNormalizer(Pattern pattern, String content, int fromUnit) {
    this.pattern = pattern;
    this.content = Objects.requireNonNull(content, "content");
    this.fromUnit = fromUnit;
  }

  /** Replaces each occurrence of {@code literal}; an empty literal matches nothing. */
  public static ReplaceNormalizer ofString(String literal, String content) {
    Objects.requireNonNull(literal, "literal");
    // The reference matches nothing for an empty string pattern.
    Pattern p = literal.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(literal, Pattern.LITERAL);
    boolean unitForUnit =
        literal.length() == 1
            && content.length() == 1
            && !Character.isSurrogate(literal.charAt(0))
            && !Character.isSurrogate(content.charAt(0));
    return new ReplaceNormalizer(p, content, unitForUnit ? literal.charAt(0) : -1);
  }

  /** @throws java.util.regex.PatternSyntaxException if {@code regex} is invalid */
  public static ReplaceNormalizer ofRegex(String regex, String content) {
    return new ReplaceNormalizer(
        OnigRegex.compile(Objects.requireNonNull(regex, "regex")).pattern(), content, -1);
  }

  public String content() {
    return content;
  }

  @Override
  public void normalize(NormalizedString text) {
    if (fromUnit >= 0) {
      String s = text.normalized();
      int at = s.indexOf(fromUnit);
      if (at >= 0) {
        // One copy out and one into the new string (String.replace would add a third).
        char[] units = s.toCharArray();
        char to = content.charAt(0);
        for (int i = at; i < units.length; i++) {
          if (units[i] == fromUnit) {
            units[i] = to;
          }
        }
        text.rewriteUnits(units, units.length, null);
      }
      return;
    }
    text.replace(pattern, content);
  }

  @Override
  public String toString() {
    return "Replace(" + pattern + " -> " + content + ")";
  }
}
