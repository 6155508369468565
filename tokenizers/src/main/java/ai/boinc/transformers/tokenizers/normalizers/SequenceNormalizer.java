package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.List;

/** JSON type {@code Sequence}: applies its normalizers in order. Immutable and thread-safe. */
public final class SequenceNormalizer implements Normalizer {
  private final List<Normalizer> normalizers;

  public SequenceNormalizer(List<? extends Normalizer> normalizers) {
    this.normalizers = List.copyOf(normalizers);
  }

  public List<Normalizer> normalizers() {
    return normalizers;
  }

  @Override
  public void normalize(NormalizedString text) {
    for (Normalizer n : normalizers) {
      n.normalize(text);
    }
  }

  @Override
  public String toString() {
    return "Sequence" + normalizers;
  }
}
