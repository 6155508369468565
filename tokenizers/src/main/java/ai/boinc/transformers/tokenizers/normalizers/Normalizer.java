package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;

/**
 * Rewrites the normalized form of a {@link NormalizedString} in place (e.g. lowercasing, NFC,
 * replacing spaces), keeping alignments so offsets stay exact.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Normalizer {
  void normalize(NormalizedString text);

  /** Normalizes {@code text} on its own and returns the normalized form. */
  default String normalize(String text) {
    NormalizedString s = NormalizedString.of(text);
    normalize(s);
    return s.normalized();
  }
}
