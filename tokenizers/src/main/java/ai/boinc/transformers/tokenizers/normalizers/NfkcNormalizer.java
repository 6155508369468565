package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.UnicodeNormalization;
import java.text.Normalizer.Form;

/**
 * JSON type {@code NFKC}: Unicode normalization form NFKC, with every new character aligned to the
 * original characters it comes from as the reference aligns them (see {@link
 * UnicodeNormalization}). Immutable and thread-safe.
 */
public final class NfkcNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    UnicodeNormalization.apply(text, Form.NFKC);
  }

  @Override
  public String toString() {
    return "NFKC";
  }
}
