package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.Arrays;

/**
 * JSON type {@code Lowercase}: lowercases character by character without context, as Rust's
 * {@code char::to_lowercase} does ({@code Σ} always becomes {@code σ}; {@code İ} becomes the two
 * characters {@code i̇}, both aligned to the {@code İ}). Immutable and thread-safe.
 */
public final class LowercaseNormalizer implements Normalizer {
  @Override
  public void normalize(NormalizedString text) {
    String s = text.normalized();
    int n = s.length();
    int i = 0;
    // Fast path: nothing to do until the first character that changes.
    while (i < n) {
      int cp = s.codePointAt(i);
      if (cp == 0x130 || Character.toLowerCase(cp) != cp) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == n) {
      return;
    }
    int[] cps = new int[n + 8];
    int[] changes = new int[n + 8];
    int k = 0;
    for (int j = i; j < n; ) {
      int cp = s.codePointAt(j);
      j += Character.charCount(cp);
      if (k + 2 > cps.length) {
        cps = Arrays.copyOf(cps, 2 * cps.length);
        changes = Arrays.copyOf(changes, cps.length);
      }
      if (cp == 0x130) {
        cps[k] = 'i';
        changes[k++] = 0;
        cps[k] = 0x307;
        changes[k++] = 1;
      } else {
        cps[k] = Character.toLowerCase(cp);
        changes[k++] = 0;
      }
    }
    text.transform(i, n, Arrays.copyOf(cps, k), Arrays.copyOf(changes, k), 0);
  }

  @Override
  public String toString() {
    return "Lowercase";
  }
}
