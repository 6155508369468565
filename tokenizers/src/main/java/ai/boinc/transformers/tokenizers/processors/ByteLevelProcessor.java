package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code ByteLevel} (as a post-processor): adds no tokens; with {@code trim_offsets},
 * token offsets stop covering the spaces ({@code Ġ}) a token starts or ends with (keeping the
 * first token's single leading space when {@code add_prefix_space}, since that space was added
 * by the pre-tokenizer). A pair follows the first sequence. Immutable and thread-safe.
 */
public final class ByteLevelProcessor extends EncodingsProcessor {
  private final boolean trimOffsets;
  private final boolean addPrefixSpace;

  public ByteLevelProcessor(boolean trimOffsets, boolean addPrefixSpace) {
    this.trimOffsets = trimOffsets;
    this.addPrefixSpace = addPrefixSpace;
  }

  public boolean trimOffsets() {
    return trimOffsets;
  }

  @Override
  public int addedTokens(boolean pair) {
    return 0;
  }

  @Override
  List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
    if (!trimOffsets) {
      return encodings;
    }
    List<Encoding> out = new ArrayList<>(encodings.size());
    for (Encoding e : encodings) {
      out.add(Encodings.trimOffsets(e, addPrefixSpace));
    }
    return out;
  }

  @Override
  public String toString() {
    return "ByteLevel(trim_offsets=" + trimOffsets + ", add_prefix_space=" + addPrefixSpace + ")";
  }
}
