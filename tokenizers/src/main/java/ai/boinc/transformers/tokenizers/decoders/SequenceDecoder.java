package ai.boinc.transformers.tokenizers.decoders;

import java.util.List;

/** JSON type {@code Sequence}: chains decoders in order. Immutable and thread-safe. */
public final class SequenceDecoder implements Decoder {
  private final List<Decoder> decoders;

  public SequenceDecoder(List<? extends Decoder> decoders) {
    this.decoders = List.copyOf(decoders);
  }

  public List<Decoder> decoders() {
    return decoders;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = tokens;
    for (Decoder d : decoders) {
      out = d.decodeChain(out);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Sequence" + decoders;
  }
}
