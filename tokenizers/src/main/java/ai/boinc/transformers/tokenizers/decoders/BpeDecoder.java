package ai.boinc.transformers.tokenizers.decoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON type {@code BPEDecoder}: replaces the end-of-word {@code suffix} (e.g. {@code </w>}) in
 * every token by a space, and by nothing in the last token. Immutable and thread-safe.
 */
public final class BpeDecoder implements Decoder {
  private final String suffix;

  public BpeDecoder(String suffix) {
    this.suffix = Objects.requireNonNull(suffix, "suffix");
  }

  public String suffix() {
    return suffix;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      out.add(token.replace(suffix, i == tokens.size() - 1 ? "" : " "));
    }
    return out;
  }

  @Override
  public String toString() {
    return "BPEDecoder(" + suffix + ")";
  }
}
