package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.UnicodeNormalization;
import java.text.Normalizer.Form;

/**
 * JSON type {@code NFD}: Unicode normalization form NFD, with every new character aligned to the
 * original characters it comes from as the reference aligns them (see {@link
 * UnicodeNormalization}). Immutable and thread-safe.
 */
public final class NfdNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    UnicodeNormalization.apply(text, Form.NFD);
  }

  @Override
  public String toString() {
    return "NFD";
  }
}
