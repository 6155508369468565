package ai.boinc.transformers.tokenizers.internal.pretrained;

/**
 * BERT-like classes (BERT, ALBERT, DeBERTa, ELECTRA, ...): they return {@code token_type_ids}
 * by default. {@code do_lower_case} and {@code tokenize_chinese_chars} of the config are not
 * acted on: Transformers.js normalizes as {@code tokenizer.json} says (Python's fast tokenizer
 * rebuilds the normalizer when they disagree; in the published configs they agree).
 */
final class BertFamilyClass implements TokenizerClass {
  private final String name;

  BertFamilyClass(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean returnsTokenTypeIds() {
    return true;
  }
}
