package ai.boinc.transformers.tokenizers.decoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON type {@code WordPiece}: joins WordPiece tokens. A token after the first loses its {@code
 * prefix} ({@code ##}) or else gets a space in front; with {@code cleanup}, spaces before {@code
 * . ? ! ,} and in English contractions are removed per token. {@code [un, ##believ, ##able, !]}
 * decodes to {@code "unbelievable!"}. Immutable and thread-safe.
 */
public final class WordPieceDecoder implements Decoder {
  private final String prefix;
  private final boolean cleanup;

  public WordPieceDecoder(String prefix, boolean cleanup) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.cleanup = cleanup;
  }

  public String prefix() {
    return prefix;
  }

  public boolean cleanup() {
    return cleanup;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (i != 0) {
        token = token.startsWith(prefix) ? token.substring(prefix.length()) : " " + token;
      }
      out.add(cleanup ? cleanup(token) : token);
    }
    return out;
  }

  /** The reference's clean-up of tokenization spaces, replacements applied in this order. */
  static String cleanup(String text) {
    if (text.indexOf(' ') < 0) {
      return text;
    }
    return text.replace(" .", ".")
        .replace(" ?", "?")
        .replace(" !", "!")
        .replace(" ,", ",")
        .replace(" ' ", "'")
        .replace(" n't", "n't")
        .replace(" 'm", "'m")
        .replace(" do not", " don't")
        .replace(" 's", "'s")
        .replace(" 've", "'ve")
        .replace(" 're", "'re");
  }

  @Override
  public String toString() {
    return "WordPiece{prefix=" + prefix + ", cleanup=" + cleanup + "}";
  }
}
