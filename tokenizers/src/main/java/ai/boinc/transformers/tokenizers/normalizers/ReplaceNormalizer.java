package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.OnigRegex;
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

  private ReplaceNormalizer(Pattern pattern, String content) {
    this.pattern = pattern;
    this.content = Objects.requireNonNull(content, "content");
  }

  /** Replaces each occurrence of {@code literal}; an empty literal matches nothing. */
  public static ReplaceNormalizer ofString(String literal, String content) {
    Objects.requireNonNull(literal, "literal");
    // The reference matches nothing for an empty string pattern.
    Pattern p = literal.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(literal, Pattern.LITERAL);
    return new ReplaceNormalizer(p, content);
  }

  /** @throws java.util.regex.PatternSyntaxException if {@code regex} is invalid */
  public static ReplaceNormalizer ofRegex(String regex, String content) {
    return new ReplaceNormalizer(
        OnigRegex.compile(Objects.requireNonNull(regex, "regex")).pattern(), content);
  }

  public String content() {
    return content;
  }

  @Override
  public void normalize(NormalizedString text) {
    text.replace(pattern, content);
  }

  @Override
  public String toString() {
    return "Replace(" + pattern + " -> " + content + ")";
  }
}
