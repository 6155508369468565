package ai.boinc.transformers.tokenizers.decoders;

import java.util.List;

/**
 * Turns tokens back into text. Like the reference, a decoder maps a list of tokens to a new list
 * ({@link #decodeChain}) so decoders can be chained; {@link #decode} joins the result.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Decoder {
  List<String> decodeChain(List<String> tokens);

  default String decode(List<String> tokens) {
    return String.join("", decodeChain(tokens));
  }
}
