package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.internal.pipeline.EncodingBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON type {@code RobertaProcessing}: {@code <s> A </s>} and {@code <s> A </s> </s> B </s>}
 * (with the configured {@code cls} and {@code sep} tokens); every type id is 0, for the pair too.
 * With {@code trim_offsets} the offsets are trimmed as by {@link ByteLevelProcessor}. Immutable
 * and thread-safe.
 */
public final class RobertaProcessing extends EncodingsProcessor {
  private final String sepToken;
  private final int sepId;
  private final String clsToken;
  private final int clsId;
  private final boolean trimOffsets;
  private final boolean addPrefixSpace;

  public RobertaProcessing(
      String sepToken,
      int sepId,
      String clsToken,
      int clsId,
      boolean trimOffsets,
      boolean addPrefixSpace) {
    this.sepToken = Objects.requireNonNull(sepToken, "sepToken");
    this.sepId = sepId;
    this.clsToken = Objects.requireNonNull(clsToken, "clsToken");
    this.clsId = clsId;
    this.trimOffsets = trimOffsets;
    this.addPrefixSpace = addPrefixSpace;
  }

  @Override
  public int addedTokens(boolean pair) {
    return pair ? 4 : 2;
  }

  @Override
  List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
    List<Encoding> out = new ArrayList<>(encodings.size());
    for (int i = 0; i < encodings.size(); i++) {
      Encoding e = encodings.get(i);
      if (trimOffsets) {
        e = Encodings.trimOffsets(e, addPrefixSpace);
      }
      // "Roberta is weird": every sequence has type id 0.
      if (addSpecialTokens) {
        e =
            new EncodingBuilder(e.size() + 2)
                .addSpecial(i == 0 ? clsId : sepId, i == 0 ? clsToken : sepToken, 0)
                .appendTyped(e, 0)
                .addSpecial(sepId, sepToken, 0)
                .build();
      } else {
        e = Encodings.withTypeIds(e, 0);
      }
      out.add(e);
    }
    return out;
  }

  @Override
  public String toString() {
    return "RobertaProcessing(cls=" + clsToken + ", sep=" + sepToken + ", trim_offsets="
        + trimOffsets + ")";
  }
}
