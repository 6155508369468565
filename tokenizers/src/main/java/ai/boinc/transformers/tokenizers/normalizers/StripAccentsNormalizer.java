package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;

/**
 * JSON type {@code StripAccents}: removes combining marks (general category Mn, Mc, Me), usually
 * after {@code NFD} so accents are separate characters. Immutable and thread-safe.
 */
public final class StripAccentsNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    Filter.removeIf(text, StripAccentsNormalizer::isMark);
  }

  static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  @Override
  public String toString() {
    return "StripAccents";
  }
}
