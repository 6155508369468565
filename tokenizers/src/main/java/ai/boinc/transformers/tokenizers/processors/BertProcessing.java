package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.internal.pipeline.EncodingBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON type {@code BertProcessing}: {@code [CLS] A [SEP]} and {@code [CLS] A [SEP] B [SEP]}
 * (with the configured {@code cls} and {@code sep} tokens); the second sequence and its {@code
 * [SEP]} have type id 1. Immutable and thread-safe.
 */
public final class BertProcessing extends EncodingsProcessor {
  private final String sepToken;
  private final int sepId;
  private final String clsToken;
  private final int clsId;

  public BertProcessing(String sepToken, int sepId, String clsToken, int clsId) {
    this.sepToken = Objects.requireNonNull(sepToken, "sepToken");
    this.sepId = sepId;
    this.clsToken = Objects.requireNonNull(clsToken, "clsToken");
    this.clsId = clsId;
  }

  @Override
  public int addedTokens(boolean pair) {
    return pair ? 3 : 2;
  }

  @Override
  List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
    if (!addSpecialTokens) {
      return encodings;
    }
    List<Encoding> out = new ArrayList<>(encodings.size());
    for (int i = 0; i < encodings.size(); i++) {
      Encoding e = encodings.get(i);
      if (i == 0) {
        out.add(
            new EncodingBuilder(e.size() + 2)
                .addSpecial(clsId, clsToken, 0)
                .appendTyped(e, 0)
                .addSpecial(sepId, sepToken, 0)
                .build());
      } else {
        out.add(new EncodingBuilder(e.size() + 1).appendTyped(e, 1).addSpecial(sepId, sepToken, 1).build());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "BertProcessing(cls=" + clsToken + ", sep=" + sepToken + ")";
  }
}
