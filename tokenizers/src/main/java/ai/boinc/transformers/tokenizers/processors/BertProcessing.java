package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON type {@code BertProcessing}: {@code [CLS] A [SEP]} for one sequence, {@code [CLS] A [SEP] B
 * [SEP]} for a pair, with type id 1 on {@code B [SEP]}. It is the BERT template of {@link
 * TemplateProcessing}, and behaves exactly like it. Immutable and thread-safe.
 */
public final class BertProcessing implements PostProcessor {
  private final String sepToken;
  private final int sepId;
  private final String clsToken;
  private final int clsId;
  private final TemplateProcessing template;

  public BertProcessing(String sepToken, int sepId, String clsToken, int clsId) {
    this.sepToken = Objects.requireNonNull(sepToken, "sepToken");
    this.sepId = sepId;
    this.clsToken = Objects.requireNonNull(clsToken, "clsToken");
    this.clsId = clsId;
    // The template names its two tokens apart, so a [CLS] and [SEP] spelled alike keep their ids.
    TemplateProcessing.Piece cls = TemplateProcessing.Piece.specialToken("cls", 0);
    TemplateProcessing.Piece sep = TemplateProcessing.Piece.specialToken("sep", 0);
    this.template =
        new TemplateProcessing(
            List.of(cls, TemplateProcessing.Piece.sequence(0, 0), sep),
            List.of(
                cls,
                TemplateProcessing.Piece.sequence(0, 0),
                sep,
                TemplateProcessing.Piece.sequence(1, 1),
                TemplateProcessing.Piece.specialToken("sep", 1)),
            Map.of(
                "sep", new TemplateProcessing.SpecialToken("sep", new int[] {sepId}, List.of(sepToken)),
                "cls", new TemplateProcessing.SpecialToken("cls", new int[] {clsId}, List.of(clsToken))));
  }

  public String sepToken() {
    return sepToken;
  }

  public int sepId() {
    return sepId;
  }

  public String clsToken() {
    return clsToken;
  }

  public int clsId() {
    return clsId;
  }

  @Override
  public int addedTokens(boolean pair) {
    return pair ? 3 : 2;
  }

  @Override
  public Encoding process(List<Encoding> encodings, boolean addSpecialTokens) {
    return template.process(encodings, addSpecialTokens);
  }

  @Override
  public String toString() {
    return "BertProcessing{sep=" + sepToken + ":" + sepId + ", cls=" + clsToken + ":" + clsId + "}";
  }
}
