package ai.boinc.transformers.tokenizers.decoders;

import java.util.List;

/** JSON type {@code Fuse}: joins all tokens into one. Stateless and thread-safe. */
public final class FuseDecoder implements Decoder {
  @Override
  public List<String> decodeChain(List<String> tokens) {
    return List.of(String.join("", tokens));
  }

  @Override
  public String toString() {
    return "Fuse";
  }
}
