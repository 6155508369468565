package ai.boinc.transformers.tokenizers.decoders;

import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer.PrependScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON type {@code Metaspace}: turns the replacement character ({@code ▁}) back into spaces. In
 * the first token it is dropped instead, unless the prepend scheme is {@code never}: {@code ▁Hey
 * ▁you} decodes to {@code "Hey you"}. Immutable and thread-safe.
 */
public final class MetaspaceDecoder implements Decoder {
  private final int replacement;
  private final PrependScheme prependScheme;

  public MetaspaceDecoder(int replacement, PrependScheme prependScheme) {
    this.replacement = replacement;
    this.prependScheme = Objects.requireNonNull(prependScheme, "prependScheme");
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean drop = i == 0 && prependScheme != PrependScheme.NEVER;
      StringBuilder b = new StringBuilder(token.length());
      for (int k = 0; k < token.length(); ) {
        int cp = token.codePointAt(k);
        if (cp != replacement) {
          b.appendCodePoint(cp);
        } else if (!drop) {
          b.append(' ');
        }
        k += Character.charCount(cp);
      }
      out.add(b.toString());
    }
    return out;
  }

  @Override
  public String toString() {
    return "Metaspace{replacement=" + new String(Character.toChars(replacement))
        + ", prependScheme=" + prependScheme + "}";
  }
}
