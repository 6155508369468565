package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.UnicodeNormalization;
import java.text.Normalizer.Form;

/**
 * JSON type {@code NFKD}: Unicode normalization form NFKD, with every new character aligned to the
 * original characters it comes from as the reference aligns them (see {@link
 * UnicodeNormalization}). Immutable and thread-safe.
 */
public final class NfkdNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    UnicodeNormalization.apply(text, Form.NFKD);
  }

  @Override
  public String toString() {
    return "NFKD";
  }
}
