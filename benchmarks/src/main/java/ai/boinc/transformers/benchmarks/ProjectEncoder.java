package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.PretrainedTokenizer;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.util.List;

/** transformers-java's tokenizer, loaded with {@link Tokenizers#fromFile}. */
final class ProjectEncoder implements Encoder {
  private static final EncodeOptions WITH_SPECIAL_TOKENS = EncodeOptions.addSpecialTokens(true);

  private final PretrainedTokenizer tokenizer;

  private ProjectEncoder(PretrainedTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /**
   * @throws NotSupportedYet if this tokenizer cannot load the family's {@code tokenizer.json} yet
   */
  static ProjectEncoder load(String family) {
    try {
      return new ProjectEncoder(Tokenizers.fromFile(Shared.tokenizerJson(family)));
    } catch (TokenizerLoadException e) {
      throw new NotSupportedYet(family, e);
    }
  }

  @Override
  public String impl() {
    return "project";
  }

  @Override
  public int encode(String text) {
    return tokenizer.encode(text, WITH_SPECIAL_TOKENS).size();
  }

  @Override
  public int count(String text) {
    return tokenizer.countTokens(text, true);
  }

  @Override
  public long encodeBatch(List<String> texts) {
    long tokens = 0;
    for (Encoding e : tokenizer.encodeBatch(texts, WITH_SPECIAL_TOKENS)) {
      tokens += e.size();
    }
    return tokens;
  }

  @Override
  public int[] ids(String text) {
    return tokenizer.encode(text, WITH_SPECIAL_TOKENS).ids();
  }

  /** Empties the model's cache of earlier pieces (BPE, Unigram; the other models have none). */
  @Override
  public boolean clearCaches() {
    tokenizer.clearCache();
    return true;
  }

  @Override
  public void close() {}
}
