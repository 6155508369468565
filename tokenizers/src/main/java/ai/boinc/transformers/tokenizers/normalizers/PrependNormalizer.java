package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.Objects;

/**
 * JSON type {@code Prepend}: puts a fixed string (Llama's {@code ▁}) in front of non-empty text;
 * it takes the offsets of the first character. Immutable and thread-safe.
 */
public final class PrependNormalizer implements Normalizer {
  private final String prepend;

  public PrependNormalizer(String prepend) {
    this.prepend = Objects.requireNonNull(prepend, "prepend");
  }

  public String prepend() {
    return prepend;
  }

  @Override
  public void normalize(NormalizedString text) {
    text.prepend(prepend);
  }

  @Override
  public String toString() {
    return "Prepend(" + prepend + ")";
  }
}
