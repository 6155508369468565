package ai.boinc.transformers.tokenizers.decoders;

import ai.boinc.transformers.tokenizers.internal.regex.Regexes;
import java.util.ArrayList;
import java.util.List;
import ai.boinc.transformers.tokenizers.internal.regex.OnigRegex;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON type {@code Replace}: replaces a literal string ({@code {"String": ...}}) or regular
 * expression ({@code {"Regex": ...}}, Oniguruma syntax, translated by {@link OnigRegex}) in
 * every token, e.g. {@code ▁} by a space. Immutable and thread-safe.
 */
public final class ReplaceDecoder implements Decoder {
  private final Pattern pattern;
  private final String content;

  private ReplaceDecoder(Pattern pattern, String content) {
    this.pattern = pattern;
    this.content = Objects.requireNonNull(content, "content");
  }

  /** Replaces each occurrence of {@code literal}; an empty literal matches nothing. */
  public static ReplaceDecoder ofString(String literal, String content) {
    Objects.requireNonNull(literal, "literal");
    Pattern p = literal.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(literal, Pattern.LITERAL);
    return new ReplaceDecoder(p, content);
  }

  /** @throws java.util.regex.PatternSyntaxException if {@code regex} is invalid */
  public static ReplaceDecoder ofRegex(String regex, String content) {
    return new ReplaceDecoder(
        OnigRegex.compile(Objects.requireNonNull(regex, "regex")).pattern(), content);
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    String replacement = Matcher.quoteReplacement(content);
    List<String> out = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      out.add(Regexes.replaceAll(pattern, t, replacement));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Replace(" + pattern + " -> " + content + ")";
  }
}
