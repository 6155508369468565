package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;

/**
 * JSON type {@code ByteLevel} (as a normalizer): rewrites the text as one byte-level alphabet
 * character per UTF-8 byte, as the ByteLevel pre-tokenizer does but without splitting. Immutable
 * and thread-safe.
 */
public final class ByteLevelNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    ByteLevelAlphabet.toByteLevel(text);
  }

  @Override
  public String toString() {
    return "ByteLevel";
  }
}
